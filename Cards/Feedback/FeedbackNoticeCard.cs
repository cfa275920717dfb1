using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Feedback;

/// <summary>Tells the member about a status change or a reply. Carries nothing about who handled it beyond the unit.</summary>
public static class FeedbackNoticeCard
{
    public static JsonObject Build(UiLanguage language, FeedbackTicketView ticket, string? replyText)
    {
        var facts = new List<(string, string)>
        {
            (language.Pick("状态", "Status"), ticket.Status),
        };
        if (ticket.Unit is { } unit) facts.Add((language.Pick("承办单位", "Handled by"), unit));
        var body = new List<CardElement>
        {
            new TextBlock(language.Pick($"您的反馈 {ticket.Number} 有新进展", $"News on your feedback {ticket.Number}")) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(FeedbackText.Excerpt(ticket.Content, 80)) { IsSubtle = true },
            new FactSet(facts),
        };
        if (replyText is not null)
        {
            body.Add(new TextBlock(language.Pick("回复", "Reply")) { Weight = TextWeight.Bolder });
            body.Add(new TextBlock(CardText.Plain(replyText)));
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = language.Pick($"您的反馈 {ticket.Number} 有新进展", $"News on your feedback {ticket.Number}"),
            Body = body,
            Actions = [Welcome.WelcomeCard.Command(language.Pick("查看我的反馈", "My feedback"), FeedbackReceiptCard.MyFeedbackCommand)],
        }.ToJson();
    }

    /// <summary>导出反馈: a one-time download link.</summary>
    public static JsonObject Export(UiLanguage language, string url, int minutes, int count) => new AdaptiveCard
    {
        Lang = language.CardLang(),
        FallbackText = language.Pick("导出反馈", "Export feedback"),
        Body =
        [
            new TextBlock(language.Pick("导出反馈", "Export feedback")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(language.Pick(
                $"共 {count} 条反馈。下载链接 {minutes} 分钟内有效，仅可使用一次，请勿转发。文件为 UTF-8 编码的 CSV，可直接用 Excel 打开。",
                $"{count} tickets. The link works once, for {minutes} minutes; please don't forward it. The CSV is UTF-8 and opens in Excel.")),
        ],
        Actions = [new OpenUrlAction(url) { Title = language.Pick("下载 CSV", "Download CSV") }],
    }.ToJson();
}
