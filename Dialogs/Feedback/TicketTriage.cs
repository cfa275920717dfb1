using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;

namespace OrganBot.Dialogs.Feedback;

/// <summary>What an admin asks of a ticket (受理 / 转办 / 回复 / 办结) at the version they saw.</summary>
/// <param name="Text">The reply for 回复, the optional closing note for 办结.</param>
public sealed record TriageRequest(string TicketNumber, TicketAction Action, int? Version, string? UnitCode, string? Text, string AdminName, string? AdminAadObjectId)
{
    /// <summary>The card the admin pressed, which the caller replaces itself; every other admin card is updated.</summary>
    public string? ActingConversationId { get; init; }

    public string? ActingActivityId { get; init; }
}

public enum TriageOutcome { Applied, NotFound, Stale, Refused, Raced }

/// <summary>The result; <see cref="Ticket"/> is the state to show (the new one, or the latest when nothing changed).</summary>
public sealed record TriageResult(TriageOutcome Outcome, FeedbackTicket? Ticket, TicketRefusal Refusal = TicketRefusal.None);

/// <summary>
/// The one implementation of the admins' ticket actions, behind both the admin card (<see cref="FeedbackTriage"/>) and
/// the admin console: <see cref="TicketLifecycle"/> decides, the version guards against stale views, the store applies
/// the change, the other admin cards are brought up to date and the member is notified through the outbox.
/// </summary>
public sealed class TicketTriage(IFeedbackStore store, FeedbackNotifier notifier, ILogger<TicketTriage> logger)
{
    public async Task<TriageResult> ApplyAsync(TriageRequest request, CancellationToken cancellationToken)
    {
        var ticket = await store.FindAsync(request.TicketNumber, cancellationToken);
        if (ticket is null) return new TriageResult(TriageOutcome.NotFound, null);
        if (request.Version != ticket.Version)
        {
            FeedbackLog.Refused(logger, request.Action.ToString(), "stale admin view");
            return new TriageResult(TriageOutcome.Stale, ticket);
        }

        var decision = TicketLifecycle.Decide(
            ticket,
            new TicketChange(ticket.Id, ticket.Version, request.AdminName, request.AdminAadObjectId),
            request.Action,
            request.Action == TicketAction.Route ? FeedbackLabels.ParseCode<HandlingUnit>(request.UnitCode) : null,
            request.Text);
        if (decision.Change is not { } change) return new TriageResult(TriageOutcome.Refused, ticket, decision.Refusal);

        var (outcome, updated) = await store.ApplyAsync(change, cancellationToken);
        if (outcome != ChangeOutcome.Applied || updated is null)
        {
            return new TriageResult(TriageOutcome.Raced, await store.FindAsync(ticket.Number, cancellationToken) ?? ticket);
        }

        FeedbackLog.TicketChanged(logger, updated.Number, request.Action.ToString(), request.AdminAadObjectId);
        await notifier.UpdateAdminCardsAsync(updated, request.ActingConversationId, request.ActingActivityId, cancellationToken);
        await notifier.NotifyMemberAsync(updated, change.ReplyText, cancellationToken);
        return new TriageResult(TriageOutcome.Applied, updated);
    }

    /// <summary>Why a click did nothing, in the admin's language (card and console say the same).</summary>
    public static string Explain(TicketRefusal refusal, string? text, UiLanguage language)
    {
        var length = text?.Trim().Length ?? 0;
        return refusal switch
        {
            TicketRefusal.Resolved => language.Pick("该反馈已办结，无法再操作。", "This ticket is resolved and can no longer be changed."),
            TicketRefusal.AlreadyAccepted => language.Pick("该反馈已受理。", "This ticket has already been accepted."),
            TicketRefusal.NoUnit => language.Pick("请选择承办单位（作风类或民生类）。", "Please choose a handling unit."),
            TicketRefusal.EmptyReply => language.Pick("回复内容不能为空，请填写后再发送。", "The reply cannot be empty."),
            _ => language.Pick($"内容共 {length} 字，超过了 {FeedbackText.MaxContentLength} 字的上限，请精简后再发送。", $"The text has {length} characters; the limit is {FeedbackText.MaxContentLength}."),
        };
    }
}
