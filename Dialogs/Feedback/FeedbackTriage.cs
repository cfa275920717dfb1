using System.Globalization;
using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;
using static OrganBot.Dialogs.Feedback.FeedbackTurns;

namespace OrganBot.Dialogs.Feedback;

/// <summary>
/// The admins' work on one ticket card (受理 / 转办 / 回复 / 办结). <see cref="TicketLifecycle"/> decides what a click may
/// do; the card's version guards against acting on what another admin already changed. The caller checked the admin.
/// </summary>
public sealed class FeedbackTriage(IFeedbackStore store, FeedbackNotifier notifier, ILogger<FeedbackTriage> logger)
{
    public async Task ActAsync(ITurnContext turn, TicketAction action, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var number = turn.Input.Data(FeedbackVerbs.TicketKey);
        var ticket = number is null ? null : await store.FindAsync(number, cancellationToken);
        if (ticket is null)
        {
            await RefuseAsync(logger, turn, "unknown ticket", "未找到这条反馈，操作未执行。", "That ticket does not exist; nothing was changed.", cancellationToken);
            return;
        }

        if (!int.TryParse(turn.Input.Data(FeedbackVerbs.VersionKey), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version != ticket.Version)
        {
            FeedbackLog.Refused(logger, turn.Input.Verb, "stale admin card");
            await turn.ReplaceCardAsync(FeedbackAdminCard.Build(language, ticket.View(language), FeedbackViews.Choices(language), language.Pick(
                "这张卡片已过期，上方为最新状态，操作未执行，请重新操作。", "This card was out of date; it now shows the latest state. Nothing was changed; please try again.")), cancellationToken);
            return;
        }

        var user = turn.Input.User;
        var replyDraft = action == TicketAction.Reply ? turn.Input.Data(FeedbackVerbs.ReplyInput) ?? "" : null;
        var decision = TicketLifecycle.Decide(
            ticket,
            new TicketChange(ticket.Id, ticket.Version, user.Name ?? language.Pick("管理员", "Admin"), user.AadObjectId),
            action,
            action == TicketAction.Route ? FeedbackLabels.ParseCode<HandlingUnit>(turn.Input.Data(FeedbackVerbs.UnitInput)) : null,
            replyDraft);
        if (decision.Change is not { } change)
        {
            await turn.ReplaceCardAsync(FeedbackAdminCard.Build(language, ticket.View(language), FeedbackViews.Choices(language), RefusalText(decision.Refusal, replyDraft, language), replyDraft), cancellationToken);
            return;
        }

        var (outcome, updated) = await store.ApplyAsync(change, cancellationToken);
        if (outcome != ChangeOutcome.Applied || updated is null)
        {
            var current = await store.FindAsync(ticket.Number, cancellationToken) ?? ticket;
            await turn.ReplaceCardAsync(FeedbackAdminCard.Build(language, current.View(language), FeedbackViews.Choices(language), language.Pick(
                "另一位管理员刚刚处理了这条反馈，上方为最新状态，本次操作未执行。", "Another admin just changed this ticket; this is the latest state. Nothing was changed.")), cancellationToken);
            return;
        }

        FeedbackLog.TicketChanged(logger, updated.Number, turn.Input.Verb!, user.AadObjectId);
        await turn.ReplaceCardAsync(FeedbackAdminCard.Build(language, updated.View(language), FeedbackViews.Choices(language)), cancellationToken);
        await notifier.UpdateAdminCardsAsync(updated, turn.Input.Conversation.Id, turn.Input.ReplyToId, cancellationToken);
        await notifier.NotifyMemberAsync(updated, change.ReplyText, cancellationToken);
    }

    private static string RefusalText(TicketRefusal refusal, string? reply, UiLanguage language)
    {
        var length = reply?.Trim().Length ?? 0;
        return refusal switch
        {
            TicketRefusal.Resolved => language.Pick("该反馈已办结，无法再操作。", "This ticket is resolved and can no longer be changed."),
            TicketRefusal.AlreadyAccepted => language.Pick("该反馈已受理。", "This ticket has already been accepted."),
            TicketRefusal.NoUnit => language.Pick("请选择承办单位（作风类或民生类）。", "Please choose a handling unit."),
            TicketRefusal.EmptyReply => language.Pick("回复内容不能为空，请填写后再发送。", "The reply cannot be empty."),
            _ => language.Pick($"回复共 {length} 字，超过了 {FeedbackText.MaxContentLength} 字的上限，请精简后再发送。", $"The reply has {length} characters; the limit is {FeedbackText.MaxContentLength}."),
        };
    }
}
