using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Feedback;

/// <summary>The card the form turns into once the ticket exists; it has no buttons that could submit again.</summary>
public static class FeedbackReceiptCard
{
    public const string MyFeedbackCommand = "我的反馈";

    public static JsonObject Build(UiLanguage language, FeedbackTicketView ticket) => new AdaptiveCard
    {
        Lang = language.CardLang(),
        FallbackText = language.Pick($"已收到您的反馈，编号 {ticket.Number}", $"Feedback received: {ticket.Number}"),
        Body =
        [
            new TextBlock(language.Pick("已收到您的反馈，谢谢您！", "Thank you, we have your feedback.")) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Good },
            new FactSet(
            [
                (language.Pick("编号", "Ticket"), ticket.Number),
                (language.Pick("类别", "Category"), ticket.Category),
                (language.Pick("提交时间", "Submitted"), FeedbackText.FormatTime(ticket.CreatedAt, language)),
                (language.Pick("提交方式", "Submitted as"), ticket.IsAnonymous ? language.Pick("匿名", "Anonymous") : language.Pick("实名", "With my name")),
            ]),
            new TextBlock(language.Pick(
                "接下来：工作人员会尽快受理，并按作风类、民生类分别转机关党委或机关工会、妇联办理。每次进展和回复都会在这里通知您；办结后请您对办理结果作出评价。发送“我的反馈”可随时查看。",
                "Next: staff will accept it and refer it to the party committee or the trade union/women's federation. You will be told here of every step and reply, and asked to rate the result once it is resolved. Send \"my feedback\" at any time to check.")),
        ],
        Actions = [Welcome.WelcomeCard.Command(language.Pick("查看我的反馈", "My feedback"), MyFeedbackCommand)],
    }.ToJson();

    /// <summary>What a cancelled or expired form turns into.</summary>
    public static JsonObject Closed(UiLanguage language, string message) => new AdaptiveCard
    {
        Lang = language.CardLang(),
        FallbackText = message,
        Body =
        [
            new TextBlock(language.Pick("暖心工程 · 我要反馈", "Warm-heart project · Give feedback")) { Weight = TextWeight.Bolder },
            new TextBlock(message) { IsSubtle = true },
        ],
    }.ToJson();
}
