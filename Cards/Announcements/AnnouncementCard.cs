using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Announcements;

/// <summary>The card recipients get. The preview uses this same builder, so what the admin approves is what members see.</summary>
public static class AnnouncementCard
{
    public static JsonObject Build(string title, string body, string? imageUrl, IReadOnlyList<(string Title, string Url)> links, UiLanguage language, string? edited = null)
    {
        var card = new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body =
            [
                new TextBlock(language.Pick("📢 机关公告", "📢 Announcement")) { IsSubtle = true, Size = TextSize.Small },
                new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                .. imageUrl is { Length: > 0 } ? new CardElement[] { new Image(imageUrl) { AltText = title } } : [],
                new TextBlock(body),
                .. edited is null ? Array.Empty<CardElement>() : [new TextBlock(edited) { IsSubtle = true, Size = TextSize.Small }],
            ],
            Actions = [.. links.Select(l => (CardAction)new OpenUrlAction(l.Url) { Title = l.Title })],
        };
        return card.ToJson();
    }

    /// <summary>Replaces a recalled announcement in every recipient's chat.</summary>
    public static JsonObject Recalled(string title, UiLanguage language) => new AdaptiveCard
    {
        Lang = language.CardLang(),
        FallbackText = language.Pick("此公告已撤回。", "This announcement was withdrawn."),
        Body =
        [
            new TextBlock(language.Pick("此公告已撤回", "Announcement withdrawn")) { Weight = TextWeight.Bolder, Color = TextColor.Attention },
            new TextBlock(language.Pick($"“{title}”已由发布人撤回，请以后续通知为准。", $"\"{title}\" was withdrawn by the sender. Please follow later notices.")) { IsSubtle = true },
        ],
    }.ToJson();
}
