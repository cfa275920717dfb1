using System.Globalization;
using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;
using static OrganBot.Dialogs.Feedback.FeedbackTurns;

namespace OrganBot.Dialogs.Feedback;

/// <summary>
/// The admins' work on one ticket card (受理 / 转办 / 回复 / 办结): reads the card's data, lets <see cref="TicketTriage"/>
/// act, and shows the outcome on the same card. The caller checked the admin.
/// </summary>
public sealed class FeedbackTriage(TicketTriage triage, ILogger<FeedbackTriage> logger)
{
    public async Task ActAsync(ITurnContext turn, TicketAction action, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var user = turn.Input.User;
        var text = action switch
        {
            TicketAction.Reply => turn.Input.Data(FeedbackVerbs.ReplyInput) ?? "",
            TicketAction.Resolve => turn.Input.Data(FeedbackVerbs.ClosingNoteInput),
            _ => null,
        };
        var version = int.TryParse(turn.Input.Data(FeedbackVerbs.VersionKey), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        var result = await triage.ApplyAsync(new TriageRequest(
            turn.Input.Data(FeedbackVerbs.TicketKey) ?? "", action, version, turn.Input.Data(FeedbackVerbs.UnitInput), text,
            user.Name ?? language.Pick("管理员", "Admin"), user.AadObjectId)
        {
            ActingConversationId = turn.Input.Conversation.Id,
            ActingActivityId = turn.Input.ReplyToId,
        }, cancellationToken);

        switch (result.Outcome)
        {
            case TriageOutcome.NotFound:
                await RefuseAsync(logger, turn, "unknown ticket", "未找到这条反馈，操作未执行。", "That ticket does not exist; nothing was changed.", cancellationToken);
                return;
            case TriageOutcome.Stale:
                await ShowAsync(turn, result.Ticket!, language.Pick(
                    "这张卡片已过期，上方为最新状态，操作未执行，请重新操作。", "This card was out of date; it now shows the latest state. Nothing was changed; please try again."), null, cancellationToken);
                return;
            case TriageOutcome.Refused:
                await ShowAsync(turn, result.Ticket!, TicketTriage.Explain(result.Refusal, text, language), text, cancellationToken);
                return;
            case TriageOutcome.Raced:
                await ShowAsync(turn, result.Ticket!, language.Pick(
                    "另一位管理员刚刚处理了这条反馈，上方为最新状态，本次操作未执行。", "Another admin just changed this ticket; this is the latest state. Nothing was changed."), null, cancellationToken);
                return;
            default:
                await ShowAsync(turn, result.Ticket!, null, null, cancellationToken);
                return;
        }
    }

    private static Task ShowAsync(ITurnContext turn, FeedbackTicket ticket, string? notice, string? draft, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        return turn.ReplaceCardAsync(FeedbackAdminCard.Build(language, ticket.View(language), FeedbackViews.Choices(language), notice, draft), cancellationToken);
    }
}
