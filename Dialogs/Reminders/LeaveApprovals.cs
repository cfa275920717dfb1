using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Reminders;

/// <summary>
/// 请假 to the secretary: a 请假 for an event with approvers goes to them as a card (批准 / 不批准 with an optional note)
/// through the delivery pipeline, and the member is told the decision. Only a named approver or an admin can decide, and
/// only the version of the 请假 the card was sent for; anything else in the card data changes nothing.
/// </summary>
public sealed partial class LeaveApprovals(
    IReminderStore store,
    IAudienceDirectory audience,
    IDeliveryQueue delivery,
    OccurrenceResolver occurrences,
    TimeProvider time,
    ILogger<LeaveApprovals> logger)
{
    private const int MaxNote = 200;

    public static string BatchFor(string occurrenceKey) => $"{occurrenceKey}:leave";

    /// <summary>The approvers as card choices: each configured group and each member the bot knows by Entra id.</summary>
    public async Task<IReadOnlyList<(string Title, string Value)>> ChoicesAsync(UiLanguage language, CancellationToken cancellationToken)
    {
        var choices = new List<(string, string)>();
        foreach (var group in audience.GroupNames) choices.Add((language.Pick("名单：", "List: ") + group, "group:" + group));
        foreach (var member in (await audience.ResolveMembersAsync(Audience.All, cancellationToken)).Where(m => m.AadObjectId is not null).Take(100))
        {
            choices.Add((member.Name ?? member.Id, "user:" + member.AadObjectId!.ToLowerInvariant()));
        }

        return choices;
    }

    /// <summary>Reads the form's approvers (comma-separated card values); null when one is not a known group or member.</summary>
    public async Task<IReadOnlyList<string>?> ParseAsync(string? value, CancellationToken cancellationToken)
    {
        var items = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (items.Count > 10) return null;
        foreach (var item in items)
        {
            if (item.StartsWith("group:", StringComparison.Ordinal) && audience.GroupNames.Contains(item[6..])) continue;
            if (item.StartsWith("user:", StringComparison.Ordinal) && (await audience.FindUsersAsync([item[5..]], cancellationToken)).Count > 0) continue;
            return null;
        }

        return items;
    }

    /// <summary>The approvers' 1:1 chats (member ids).</summary>
    public async Task<IReadOnlyList<string>> ApproverIdsAsync(ReminderEvent ev, CancellationToken cancellationToken)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var approver in ev.Approvers)
        {
            if (approver.StartsWith("group:", StringComparison.Ordinal))
            {
                foreach (var r in await audience.ResolveRecipientsAsync(new Audience(AudienceKind.Group, approver[6..]), readRosters: false, cancellationToken)) ids.Add(r.Id);
            }
            else if (approver.StartsWith("user:", StringComparison.Ordinal))
            {
                foreach (var id in await audience.FindUsersAsync([approver[5..]], cancellationToken)) ids.Add(id);
            }
        }

        return [.. ids];
    }

    /// <summary>Whether the user is one of the event's named approvers (by group membership or Entra id).</summary>
    public async Task<bool> IsApproverAsync(ReminderEvent ev, ChatUser user, CancellationToken cancellationToken)
    {
        foreach (var approver in ev.Approvers)
        {
            if (approver.StartsWith("user:", StringComparison.Ordinal) && user.AadObjectId is not null
                && approver[5..].Equals(user.AadObjectId, StringComparison.OrdinalIgnoreCase)) return true;
            if (approver.StartsWith("group:", StringComparison.Ordinal)
                && (await audience.ResolveMembersAsync(new Audience(AudienceKind.Group, approver[6..]), cancellationToken)).Any(m => m.Id == user.Id)) return true;
        }

        return false;
    }

    /// <summary>Queues the approval card to every approver; false when none can be reached (the 请假 is then only recorded).</summary>
    public async Task<bool> RequestAsync(ReminderEvent ev, Occurrence occurrence, Rsvp rsvp, CancellationToken cancellationToken)
    {
        var approvers = await ApproverIdsAsync(ev, cancellationToken);
        if (approvers.Count == 0)
        {
            LogNoApprover(logger, occurrence.Key);
            return false;
        }

        var requests = new List<DeliveryRequest>();
        foreach (var approverId in approvers)
        {
            var language = UiLanguageExtensions.FromLocale((await audience.FindMemberAsync(approverId, cancellationToken))?.Locale);
            var card = LeaveApprovalCard.Build(View(ev, occurrence, rsvp, language), language);
            requests.Add(new DeliveryRequest(
                $"leave:{occurrence.Key}:{rsvp.MemberId}:{rsvp.Version}:{approverId}",
                new DeliveryTarget.User(approverId),
                OutgoingMessage.FromCard(card, language.Pick($"请假审批：{rsvp.MemberName}，{ev.Title}", $"Leave request: {rsvp.MemberName}, {ev.Title}")) with { Notify = true },
                BatchFor(occurrence.Key),
                ReminderDispatcher.Category));
        }

        await delivery.EnqueueAsync(requests, cancellationToken);
        LogRequested(logger, occurrence.Key, approvers.Count);
        return true;
    }

    /// <summary>批准 / 不批准 pressed on the approval card.</summary>
    public async Task DecideAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var language = input.Language;
        var (ev, occurrence) = OccurrenceKeys.TryParse(input.Data("occurrence"), out _, out _)
            ? await occurrences.ResolveAsync(input.Data("occurrence"), null, cancellationToken)
            : (null, null);
        if (ev is null || occurrence is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(ReminderTexts.Gone(language)), cancellationToken);
            return;
        }

        if (!turn.IsAdmin && !await IsApproverAsync(ev, input.User, cancellationToken))
        {
            LogNotApprover(logger, occurrence.Key);
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("抱歉，只有该活动指定的审批人或管理员可以审批请假。", "Sorry, only this event's approvers or an administrator can decide leave requests.")), cancellationToken);
            return;
        }

        var rsvp = await store.FindRsvpAsync(occurrence.Key, input.Data("member") ?? "", cancellationToken);
        if (rsvp is null || rsvp.Answer != RsvpAnswer.Leave || rsvp.Version != input.Data("version"))
        {
            var gone = rsvp is null ? null : View(ev, occurrence, rsvp, language);
            await turn.ReplaceCardAsync(gone is null
                ? LeaveApprovalCard.Build(new LeaveRequestView
                {
                    OccurrenceKey = occurrence.Key, MemberId = "", Version = "", MemberName = "—", EventTitle = ev.Title, TimeLine = ReminderViews.TimeLine(occurrence, ev, language), Reason = "—",
                    State = LeaveStatus.None, Notice = language.Pick("该请假申请已撤回，无需处理。", "This leave request was withdrawn; nothing to decide."), NoticeIsError = true,
                }, language)
                : LeaveApprovalCard.Build(gone with
                {
                    State = gone.State == LeaveStatus.Pending ? LeaveStatus.None : gone.State,
                    Notice = language.Pick("申请人已修改或撤回这次请假，请处理新的审批卡片。", "The member changed or withdrew this request; please use the newer card."), NoticeIsError = true,
                }, language), cancellationToken);
            return;
        }

        if (rsvp.Approval is LeaveApproval.Approved or LeaveApproval.Rejected)
        {
            await turn.ReplaceCardAsync(LeaveApprovalCard.Build(View(ev, occurrence, rsvp, language) with { Notice = language.Pick("该申请已处理。", "This request was already decided.") }, language), cancellationToken);
            return;
        }

        var decision = input.Data("decision") switch { "approve" => LeaveApproval.Approved, "reject" => LeaveApproval.Rejected, _ => (LeaveApproval?)null };
        var note = (input.Data("note") ?? "").Trim();
        string? error = decision is null ? language.Pick("请选择“批准”或“不批准”。", "Please choose Approve or Do not approve.")
            : note.Length > MaxNote ? language.Pick($"审批意见不能超过 {MaxNote} 个字。", $"The note can be at most {MaxNote} characters.")
            : null;
        if (error is not null)
        {
            await turn.ReplaceCardAsync(LeaveApprovalCard.Build(View(ev, occurrence, rsvp, language) with { Notice = error, NoticeIsError = true }, language), cancellationToken);
            return;
        }

        var decided = rsvp with { Approval = decision!.Value, ApprovalNote = note.Length == 0 ? null : note, DecidedBy = input.User.Name ?? input.User.Id, DecidedAt = time.GetUtcNow() };
        await store.SaveRsvpAsync(decided, cancellationToken);
        LogDecided(logger, occurrence.Key, decision.Value);

        var member = await audience.FindMemberAsync(rsvp.MemberId, cancellationToken);
        var memberLanguage = UiLanguageExtensions.FromLocale(member?.Locale);
        var when = ReminderViews.TimeLine(occurrence, ev, memberLanguage);
        var noteText = decided.ApprovalNote is null ? "" : memberLanguage.Pick($"审批意见：{decided.ApprovalNote}", $" Note: {decided.ApprovalNote}");
        var outcome = decision == LeaveApproval.Approved
            ? memberLanguage.Pick($"您的请假已批准：{ev.Title}，{when}。{noteText}", $"Your leave is approved: {ev.Title}, {when}.{noteText}")
            : memberLanguage.Pick($"您的请假未获批准：{ev.Title}，{when}。{noteText}请按时参加，或与审批人联系。", $"Your leave was not approved: {ev.Title}, {when}.{noteText} Please attend, or contact the approver.");
        await delivery.EnqueueAsync(
            [new DeliveryRequest($"leave-outcome:{occurrence.Key}:{rsvp.MemberId}:{rsvp.Version}", new DeliveryTarget.User(rsvp.MemberId), OutgoingMessage.FromText(outcome) with { Notify = true }, BatchFor(occurrence.Key), ReminderDispatcher.Category)],
            cancellationToken);
        await turn.ReplaceCardAsync(LeaveApprovalCard.Build(View(ev, occurrence, decided, language), language), cancellationToken);
    }

    private static LeaveRequestView View(ReminderEvent ev, Occurrence occurrence, Rsvp rsvp, UiLanguage language) => new()
    {
        OccurrenceKey = occurrence.Key,
        MemberId = rsvp.MemberId,
        Version = rsvp.Version,
        MemberName = rsvp.MemberName ?? rsvp.MemberId,
        EventTitle = ev.Title,
        TimeLine = ReminderViews.TimeLine(occurrence, ev, language),
        Reason = rsvp.Reason ?? "",
        State = ReminderViews.LeaveStatusOf(rsvp.Approval),
        DecidedBy = rsvp.DecidedBy,
        Note = rsvp.ApprovalNote,
    };

    [LoggerMessage(EventId = 6506, Level = LogLevel.Information, Message = "Leave for {OccurrenceKey} sent to {Approvers} approver(s)")]
    private static partial void LogRequested(ILogger logger, string occurrenceKey, int approvers);

    [LoggerMessage(EventId = 6507, Level = LogLevel.Warning, Message = "Leave for {OccurrenceKey}: no approver of the event can be reached; recorded without approval")]
    private static partial void LogNoApprover(ILogger logger, string occurrenceKey);

    [LoggerMessage(EventId = 6508, Level = LogLevel.Warning, Message = "Leave decision for {OccurrenceKey} refused: the user is not an approver of the event")]
    private static partial void LogNotApprover(ILogger logger, string occurrenceKey);

    [LoggerMessage(EventId = 6509, Level = LogLevel.Information, Message = "Leave for {OccurrenceKey} decided: {Decision}")]
    private static partial void LogDecided(ILogger logger, string occurrenceKey, LeaveApproval decision);
}
