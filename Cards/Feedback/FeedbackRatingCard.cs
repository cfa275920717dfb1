using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Feedback;

/// <summary>Asks the member to rate a resolved ticket; after rating it turns into a thank-you card.</summary>
public static class FeedbackRatingCard
{
    public static JsonObject Build(UiLanguage language, FeedbackTicketView ticket, FeedbackChoices choices, string? error = null, string? comment = null) => new AdaptiveCard
    {
        Lang = language.CardLang(),
        FallbackText = language.Pick($"您的反馈 {ticket.Number} 已办结，请评价", $"Feedback {ticket.Number} is resolved; please rate it"),
        Body =
        [
            new TextBlock(language.Pick($"您的反馈 {ticket.Number} 已办结", $"Your feedback {ticket.Number} is resolved")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(FeedbackText.Excerpt(ticket.Content, 120)) { IsSubtle = true },
            .. ticket.Replies.Select(r => new TextBlock(language.Pick("回复：", "Reply: ") + CardText.Plain(r.Text))),
            new ChoiceSetInput(choices.Ratings)
            {
                Id = FeedbackVerbs.RatingInput,
                Label = language.Pick("您对办理结果是否满意？", "Are you satisfied with the result?"),
                Expanded = true,
                IsRequired = true,
                ErrorMessage = language.Pick("请选择满意程度。", "Please choose a rating."),
            },
            new TextInput
            {
                Id = FeedbackVerbs.RatingCommentInput,
                Label = language.Pick("意见（选填）", "Comment (optional)"),
                IsMultiline = true,
                MaxLength = FeedbackText.MaxCommentLength,
                Value = comment,
            },
            .. error is null ? Array.Empty<CardElement>() : [new TextBlock(error) { Color = TextColor.Attention }],
        ],
        Actions =
        [
            new ExecuteAction(FeedbackVerbs.Rate)
            {
                Title = language.Pick("提交评价", "Submit rating"),
                Data = new Dictionary<string, string> { [FeedbackVerbs.TicketKey] = ticket.Number },
            },
        ],
    }.ToJson();

    public static JsonObject Thanks(UiLanguage language, FeedbackTicketView ticket) => new AdaptiveCard
    {
        Lang = language.CardLang(),
        FallbackText = language.Pick("感谢您的评价", "Thank you for rating"),
        Body =
        [
            new TextBlock(language.Pick("感谢您的评价！", "Thank you for your rating!")) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Good },
            new FactSet(
            [
                (language.Pick("编号", "Ticket"), ticket.Number),
                (language.Pick("满意度", "Rating"), ticket.Rating ?? ""),
            ]),
        ],
    }.ToJson();
}
