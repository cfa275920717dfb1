using System.Globalization;
using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Announcements;

/// <summary>One announcement in 公告列表: its title, status line (state, counts, reads) and whether results can be exported.</summary>
public sealed record AnnouncementListItem(long Id, string Title, string Status, bool CanExport);

/// <summary>公告列表: the recent announcements with their status, each with 打开 (its control card) and 导出结果 once sent.</summary>
public static class AnnouncementListCard
{
    public const string OpenVerb = "announce.open";

    /// <summary>Refresh: the list card replaced by the current list.</summary>
    public const string ListVerb = "announce.list";

    public static JsonObject Build(UiLanguage language, IReadOnlyList<AnnouncementListItem> items)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement> { new TextBlock(en ? "Announcements" : "公告列表") { Size = TextSize.Medium, Weight = TextWeight.Bolder } };
        if (items.Count == 0)
        {
            body.Add(new TextBlock(en ? "No announcements yet." : "还没有公告。") { IsSubtle = true });
        }

        foreach (var item in items)
        {
            var id = new Dictionary<string, string> { ["announcementId"] = item.Id.ToString(CultureInfo.InvariantCulture) };
            var buttons = new List<CardAction> { new ExecuteAction(OpenVerb) { Title = en ? "Open" : "打开", Data = id } };
            if (item.CanExport) buttons.Add(new ExecuteAction(ControlCard.ExportVerb) { Title = en ? "Export results" : "导出结果", Data = id });
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock(CardText.Plain(item.Title)) { Weight = TextWeight.Bolder },
                    new TextBlock(item.Status) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
                ]),
                new Column([new ActionSet(buttons)]) { Width = "auto" },
            ]) { Separator = true });
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Announcements." : "公告列表。",
            Body = body,
            Actions =
            [
                Welcome.WelcomeCard.Command(en ? "New announcement" : "发布公告", "发布公告"),
                new ExecuteAction(ListVerb) { Title = en ? "Refresh" : "刷新" },
            ],
        }.ToJson();
    }
}
