using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;
using static OrganBot.Dialogs.Feedback.FeedbackTurns;

namespace OrganBot.Dialogs.Feedback;

/// <summary>我的反馈 and the member's rating of a resolved ticket. Only the member who submitted a ticket sees or rates it.</summary>
public sealed class FeedbackRating(IFeedbackStore store, FeedbackNotifier notifier, ILogger<FeedbackRating> logger)
{
    public async Task MyFeedbackAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var tickets = await store.ListForMemberAsync(turn.Input.User.Id, 10, cancellationToken);
        await turn.SendAsync(OutgoingMessage.FromCard(MyFeedbackCard.Build(turn.Input.Language, tickets.Views(turn.Input.Language))), cancellationToken);
    }

    public async Task OpenAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var ticket = await OwnTicketAsync(turn, cancellationToken);
        if (ticket is null) return;
        if (ticket.Rating is not null)
        {
            await SayAsync(turn, $"您已评价过反馈 {ticket.Number}，谢谢！", $"You have already rated {ticket.Number}. Thank you!", cancellationToken);
            return;
        }

        if (!TicketLifecycle.CanRate(ticket))
        {
            await SayAsync(turn, $"反馈 {ticket.Number} 尚未办结，办结后再请您评价。", $"{ticket.Number} is not resolved yet; you can rate it once it is.", cancellationToken);
            return;
        }

        await turn.SendAsync(OutgoingMessage.FromCard(FeedbackRatingCard.Build(turn.Input.Language, ticket.View(turn.Input.Language), FeedbackViews.Choices(turn.Input.Language))), cancellationToken);
    }

    public async Task RateAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var ticket = await OwnTicketAsync(turn, cancellationToken);
        if (ticket is null) return;
        if (!TicketLifecycle.CanRate(ticket))
        {
            await RefuseAsync(logger, turn, "rating not open", $"反馈 {ticket.Number} 已评价过或尚未办结，本次评价未保存。", $"{ticket.Number} is already rated or not resolved; nothing was saved.", cancellationToken);
            return;
        }

        var comment = turn.Input.Data(FeedbackVerbs.RatingCommentInput)?.Trim();
        var rating = FeedbackLabels.ParseCode<SatisfactionRating>(turn.Input.Data(FeedbackVerbs.RatingInput));
        string? error = rating is null ? language.Pick("请选择满意程度后再提交。", "Please choose a rating first.")
            : comment?.Length > FeedbackText.MaxCommentLength ? language.Pick($"意见不能超过 {FeedbackText.MaxCommentLength} 字，请精简后再提交。", $"The comment can have at most {FeedbackText.MaxCommentLength} characters.")
            : null;
        if (error is not null)
        {
            await turn.ReplaceCardAsync(FeedbackRatingCard.Build(language, ticket.View(language), FeedbackViews.Choices(language), error, comment), cancellationToken);
            return;
        }

        var rated = await store.RateAsync(ticket.Number, turn.Input.User.Id, rating!.Value, Blank(comment), cancellationToken);
        if (rated is null)
        {
            await RefuseAsync(logger, turn, "rating raced", $"反馈 {ticket.Number} 已评价过，本次评价未保存。", $"{ticket.Number} was already rated; nothing was saved.", cancellationToken);
            return;
        }

        FeedbackLog.Rated(logger, rated.Number);
        await turn.ReplaceCardAsync(FeedbackRatingCard.Thanks(language, rated.View(language)), cancellationToken);
        await notifier.UpdateAdminCardsAsync(rated, null, null, cancellationToken);
    }

    /// <summary>The ticket named in the card data, only if this member submitted it.</summary>
    private async Task<FeedbackTicket?> OwnTicketAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var number = turn.Input.Data(FeedbackVerbs.TicketKey);
        var ticket = number is null ? null : await store.FindForMemberAsync(number, turn.Input.User.Id, cancellationToken);
        if (ticket is null)
        {
            await RefuseAsync(logger, turn, "not the member's ticket", "未找到您提交的这条反馈，操作未执行。发送“我的反馈”查看您的反馈。", "I can't find that feedback among yours; nothing was changed. Send \"my feedback\" to see yours.", cancellationToken);
        }

        return ticket;
    }
}
