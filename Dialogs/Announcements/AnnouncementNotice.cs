using System.Text.Json.Nodes;
using OrganBot.Cards;
using OrganBot.Cards.Model;

namespace OrganBot.Dialogs.Announcements;

/// <summary>The one-line card a control or approval card turns into once there is nothing left to press.</summary>
internal static class AnnouncementNotice
{
    public static JsonObject Build(string text, UiLanguage language) => new AdaptiveCard
    {
        Lang = language.CardLang(),
        FallbackText = text,
        Body = [new TextBlock(text)],
    }.ToJson();
}
