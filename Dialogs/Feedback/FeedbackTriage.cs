using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;

namespace OrganBot.Dialogs.Feedback;

/// <summary>What an admin asks of a ticket: 受理 / 转办 / 回复 / 办结 (a <see cref="FeedbackVerbs"/> admin verb) at the version they saw.</summary>
public sealed record TriageRequest(string TicketNumber, string Verb, int? Version, string? UnitCode, string? ReplyText, string AdminName, string? AdminAadObjectId, UiLanguage Language)
{
    /// <summary>The card the admin pressed, which the caller replaces itself; every other admin card is updated.</summary>
    public string? ActingConversationId { get; init; }

    public string? ActingActivityId { get; init; }
}

public enum TriageOutcome { Applied, NotFound, Stale, Invalid, Raced }

/// <summary>The result; <see cref="Ticket"/> is the state to show (the new one, or the latest when nothing changed).</summary>
public sealed record TriageResult(TriageOutcome Outcome, FeedbackTicket? Ticket, string? Error = null, string? ReplyDraft = null);

/// <summary>
/// The one implementation of the admins' ticket actions, used by the admin card and the console: the rules (a resolved
/// ticket is final, 受理 only once, 转办 needs a unit, a reply 1–2000 characters), the version check against stale
/// views, the stored change, the other admin cards brought up to date and the member notified through the outbox.
/// </summary>
public sealed class FeedbackTriage(IFeedbackStore store, FeedbackNotifier notifier, ILogger<FeedbackTriage> logger)
{
    public static readonly IReadOnlyList<string> Verbs = [FeedbackVerbs.Accept, FeedbackVerbs.Route, FeedbackVerbs.Reply, FeedbackVerbs.Resolve];

    public async Task<TriageResult> ApplyAsync(TriageRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var ticket = await store.FindAsync(request.TicketNumber, cancellationToken);
        if (ticket is null || !Verbs.Contains(request.Verb)) return new TriageResult(TriageOutcome.NotFound, ticket);
        if (request.Version != ticket.Version)
        {
            FeedbackLog.Refused(logger, request.Verb, "stale admin card");
            return new TriageResult(TriageOutcome.Stale, ticket);
        }

        var change = new TicketChange(ticket.Id, ticket.Version, request.AdminName, request.AdminAadObjectId);
        string? error = null;
        string? replyDraft = null;
        switch (request.Verb)
        {
            case var _ when ticket.Status == FeedbackStatus.Resolved:
                error = language.Pick("该反馈已办结，无法再操作。", "This ticket is resolved and can no longer be changed.");
                break;
            case FeedbackVerbs.Accept when ticket.Status != FeedbackStatus.New:
                error = language.Pick("该反馈已受理。", "This ticket has already been accepted.");
                break;
            case FeedbackVerbs.Accept:
                change = change with { NewStatus = FeedbackStatus.Accepted };
                break;
            case FeedbackVerbs.Route:
                var unit = FeedbackText.ParseCode<HandlingUnit>(request.UnitCode);
                if (unit is null) error = language.Pick("请选择承办单位（作风类或民生类）。", "Please choose a handling unit.");
                else change = change with { NewStatus = FeedbackStatus.Routed, NewUnit = unit };
                break;
            case FeedbackVerbs.Reply:
                replyDraft = request.ReplyText ?? "";
                var reply = replyDraft.Trim();
                if (reply.Length == 0) error = language.Pick("回复内容不能为空，请填写后再发送。", "The reply cannot be empty.");
                else if (reply.Length > FeedbackText.MaxContentLength) error = language.Pick($"回复共 {reply.Length} 字，超过了 {FeedbackText.MaxContentLength} 字的上限，请精简后再发送。", $"The reply has {reply.Length} characters; the limit is {FeedbackText.MaxContentLength}.");
                else change = change with { ReplyText = reply };
                break;
            default:
                change = change with { NewStatus = FeedbackStatus.Resolved };
                break;
        }

        if (error is not null) return new TriageResult(TriageOutcome.Invalid, ticket, error, replyDraft);

        var (outcome, updated) = await store.ApplyAsync(change, cancellationToken);
        if (outcome != ChangeOutcome.Applied || updated is null)
        {
            return new TriageResult(TriageOutcome.Raced, await store.FindAsync(ticket.Number, cancellationToken) ?? ticket);
        }

        FeedbackLog.TicketChanged(logger, updated.Number, request.Verb, request.AdminAadObjectId);
        await notifier.UpdateAdminCardsAsync(updated, request.ActingConversationId, request.ActingActivityId, cancellationToken);
        await notifier.NotifyMemberAsync(updated, change.ReplyText, cancellationToken);
        return new TriageResult(TriageOutcome.Applied, updated);
    }
}
