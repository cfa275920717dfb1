using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrganBot.Cards;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Reminders;

/// <summary>What members do: 参加 / 请假 on the reminder card, 不再提醒此类活动, and 我的提醒.</summary>
public sealed partial class MemberReminderActions(
    IReminderStore store,
    IAudienceDirectory audience,
    OccurrenceResolver occurrences,
    LeaveApprovals approvals,
    ICronEvaluator cron,
    IOptionsMonitor<ReminderOptions> options,
    TimeProvider time,
    ILogger<MemberReminderActions> logger)
{
    private const int MaxReason = 200;

    public async Task RsvpAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var language = input.Language;
        var fromMy = input.Data("from") == "my";
        var (ev, occurrence) = OccurrenceKeys.TryParse(input.Data("occurrence"), out _, out _)
            ? await occurrences.ResolveAsync(input.Data("occurrence"), null, cancellationToken)
            : (null, null);
        if (ev is null || occurrence is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("这次活动已取消或不存在，无需答复。", "This event was cancelled or no longer exists; no answer is needed.")), cancellationToken);
            return;
        }

        if (!await audience.IncludesAsync(ev.Audience, input.User.Id, input.Conversation.Id, cancellationToken))
        {
            LogOutsideAudience(logger, occurrence.Key);
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
                "这次活动的提醒范围不包括您，无需答复。如需参加，请联系活动组织者。",
                "This event is not for your group, so no answer is needed. If you would like to attend, please contact the organiser.")), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var member = await audience.FindMemberAsync(input.User.Id, cancellationToken);
        var zoneId = input.TimeZone ?? member?.TimeZone;
        var personal = input.Conversation.Kind == ConversationKind.Personal;
        var current = await store.FindRsvpAsync(occurrence.Key, input.User.Id, cancellationToken);
        async Task ReplyAsync(Rsvp? rsvp, string notice, bool isError)
        {
            if (fromMy)
            {
                await turn.ReplaceCardAsync(await MyRemindersAsync(turn, notice, cancellationToken, isError), cancellationToken);
                return;
            }

            var view = ReminderViews.Card(ev, occurrence, rsvp, zoneId, personal, now, language) with { Notice = notice, NoticeIsError = isError };
            if (view.Shared) view = view with { SharedTally = await TallyAsync(occurrence.Key, language, cancellationToken) };
            await turn.ReplaceCardAsync(ReminderCard.Build(view, language), cancellationToken);
        }

        if (now >= occurrence.StartUtc)
        {
            await ReplyAsync(current, language.Pick("活动已开始，答复已截止，无法再更改。", "The event has started; answers can no longer change."), true);
            return;
        }

        var answer = input.Data("answer") switch { "attend" => RsvpAnswer.Attend, "leave" => RsvpAnswer.Leave, _ => (RsvpAnswer?)null };
        // 我的提醒 names each occurrence's reason field (reason-0, reason-1 …); only such names are read.
        var field = input.Data("reasonField") is { } f && ReasonField().IsMatch(f) ? f : "reason";
        var reason = (input.Data(field) ?? "").Trim();
        string? error = answer switch
        {
            null => language.Pick("请选择“参加”或“请假”。", "Please choose Attend or Ask for leave."),
            RsvpAnswer.Leave when reason.Length == 0 => language.Pick("请假需要填写原因，请填写后再提交。", "Please give a reason for your leave, then submit again."),
            RsvpAnswer.Leave when reason.Length > MaxReason => language.Pick($"请假原因不能超过 {MaxReason} 个字。", $"The reason can be at most {MaxReason} characters."),
            _ => null,
        };
        if (error is not null)
        {
            await ReplyAsync(current, error, true);
            return;
        }

        var name = input.User.Name ?? member?.Name;
        var rsvp = new Rsvp(occurrence.Key, ev.Id, input.User.Id, name, answer!.Value, answer == RsvpAnswer.Leave ? reason : null, now);
        var unchangedLeave = current is { Answer: RsvpAnswer.Leave } && answer == RsvpAnswer.Leave && current.Reason == reason && current.Approval != LeaveApproval.None;
        if (unchangedLeave)
        {
            // Same reason again: the request (and any decision) stands; nothing is sent twice.
            rsvp = current!;
        }
        else if (answer == RsvpAnswer.Leave && ev.Approvers.Count > 0)
        {
            rsvp = rsvp with { Approval = LeaveApproval.Pending };
        }

        if (!unchangedLeave) await store.SaveRsvpAsync(rsvp, cancellationToken);
        LogRsvp(logger, occurrence.Key, answer.Value);
        if (rsvp.Approval == LeaveApproval.Pending && !unchangedLeave && !await approvals.RequestAsync(ev, occurrence, rsvp, cancellationToken))
        {
            rsvp = rsvp with { Approval = LeaveApproval.None };
            await store.SaveRsvpAsync(rsvp, cancellationToken);
        }

        var who = personal ? "" : (name ?? "") + language.Pick("：", ": ");
        var notice = (answer, rsvp.Approval) switch
        {
            (RsvpAnswer.Attend, _) => personal ? language.Pick("已记录：您将参加。", "Recorded: you will attend.") : language.Pick($"已记录 {who}参加。", $"Recorded {who}attending."),
            (_, LeaveApproval.Pending) => language.Pick($"已记录{(personal ? "您" : " " + who)}的请假，并已报审批人审批，结果会通知您。", $"Leave recorded{(personal ? "" : " for " + who.TrimEnd(' ', ':'))} and sent to the approvers; you will be told the decision."),
            _ => personal ? language.Pick("已记录您的请假。", "Your leave is recorded.") : language.Pick($"已记录 {who}请假。", $"Recorded {who}on leave."),
        };
        await ReplyAsync(rsvp, notice, false);
    }

    /// <summary>"参加 3 · 请假 1" for a card posted into a channel or group chat.</summary>
    private async Task<string> TallyAsync(string occurrenceKey, UiLanguage language, CancellationToken cancellationToken)
    {
        var rsvps = await store.ListRsvpsAsync(occurrenceKey, cancellationToken);
        var attend = rsvps.Count(r => r.Answer == RsvpAnswer.Attend);
        var leave = rsvps.Count - attend;
        return language.Pick($"已答复：参加 {attend} 人 · 请假 {leave} 人", $"Answers so far: attending {attend} · on leave {leave}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^reason(-\d{1,2})?$")]
    private static partial System.Text.RegularExpressions.Regex ReasonField();

    public async Task MuteAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var language = input.Language;
        if (input.Conversation.Kind != ConversationKind.Personal)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("提醒设置请在与我的单独聊天中更改。", "Please change reminder settings in your personal chat with me.")), cancellationToken);
            return;
        }

        var kind = (input.Data("kind") ?? "").Trim();
        var events = await store.ListEventsAsync(cancellationToken);
        if (!ReminderAdminCards.Kinds.Contains(kind) && events.All(e => e.Kind != kind))
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("无法识别该活动类别。", "Unknown kind of event.")), cancellationToken);
            return;
        }

        var muted = input.Data("muted") != "false";
        var (ev, occurrence) = OccurrenceKeys.TryParse(input.Data("occurrence"), out _, out _)
            ? await occurrences.ResolveAsync(input.Data("occurrence"), null, cancellationToken)
            : (null, null);
        if (muted && ev is { Mandatory: true })
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("该活动为必须参加，不能屏蔽提醒。", "Attendance is required for this event; its reminders cannot be muted.")), cancellationToken);
            return;
        }

        await store.SetMutedAsync(input.User.Id, kind, muted, cancellationToken);
        var notice = muted
            ? language.Pick($"已不再提醒“{kind}”类活动（“必须参加”的活动除外）。可在“我的提醒”中恢复。", $"You will no longer be reminded of {ReminderKinds.Label(kind, language)} (except required events). Undo in \"my reminders\".")
            : language.Pick($"已恢复“{kind}”类活动的提醒。", $"Reminders for {ReminderKinds.Label(kind, language)} are back on.");
        if (input.Data("from") == "my" || ev is null || occurrence is null)
        {
            await turn.ReplaceCardAsync(await MyRemindersAsync(turn, notice, cancellationToken), cancellationToken);
            return;
        }

        var member = await audience.FindMemberAsync(input.User.Id, cancellationToken);
        var rsvp = await store.FindRsvpAsync(occurrence.Key, input.User.Id, cancellationToken);
        var view = ReminderViews.Card(ev, occurrence, rsvp, input.TimeZone ?? member?.TimeZone, personal: true, time.GetUtcNow(), language) with { Notice = notice, CanMute = false };
        await turn.ReplaceCardAsync(ReminderCard.Build(view, language), cancellationToken);
    }

    public async Task<System.Text.Json.Nodes.JsonObject> MyRemindersAsync(ITurnContext turn, string? notice, CancellationToken cancellationToken, bool noticeIsError = false)
    {
        var input = turn.Input;
        var language = input.Language;
        var now = time.GetUtcNow();
        var holidays = options.CurrentValue.HolidayDates();
        var member = await audience.FindMemberAsync(input.User.Id, cancellationToken);
        var zoneId = input.TimeZone ?? member?.TimeZone;
        var muted = await store.GetMutedKindsAsync(input.User.Id, cancellationToken);
        var lines = new List<(DateTimeOffset At, MyReminderLine Line)>();
        var kinds = new SortedSet<string>(muted, StringComparer.Ordinal);
        foreach (var ev in (await store.ListEventsAsync(cancellationToken)).Where(e => !e.Paused))
        {
            var members = await audience.ResolveMembersAsync(ev.Audience, cancellationToken);
            if (members.All(m => m.Id != input.User.Id)) continue;
            if (!ev.Mandatory) kinds.Add(ev.Kind);
            var next = OccurrencePlanner.First(ev, holidays, cron, now);
            if (next is null) continue;
            var rsvp = await store.FindRsvpAsync(next.Key, input.User.Id, cancellationToken);
            var answer = rsvp?.Answer switch
            {
                RsvpAnswer.Attend => language.Pick("您已确认参加", "You will attend"),
                RsvpAnswer.Leave => language.Pick("您已请假：", "Leave: ") + CardText.Plain(rsvp.Reason) + rsvp.Approval switch
                {
                    LeaveApproval.Pending => language.Pick("（待审批）", " (awaiting approval)"),
                    LeaveApproval.Approved => language.Pick("（已批准）", " (approved)"),
                    LeaveApproval.Rejected => language.Pick("（未批准）", " (not approved)"),
                    _ => "",
                },
                _ => language.Pick("尚未答复", "No answer yet"),
            } + (!ev.Mandatory && muted.Contains(ev.Kind) ? language.Pick("（已屏蔽此类提醒）", " (muted)") : "");
            var timeLine = ReminderViews.TimeLine(next, ev, language) + (ReminderViews.MemberTimeLine(next, ev, zoneId, language) is { } mine ? "\n" + language.Pick("您的时间：", "Your time: ") + mine : "");
            lines.Add((next.StartUtc, new MyReminderLine(ev.Title, ReminderKinds.Label(ev.Kind, language), timeLine, answer, ev.Mandatory)
            {
                OccurrenceKey = next.Key,
                Rsvp = rsvp?.Answer switch { RsvpAnswer.Attend => RsvpState.Attend, RsvpAnswer.Leave => RsvpState.Leave, _ => RsvpState.None },
                LeaveReason = rsvp?.Reason,
                Closed = now >= next.StartUtc,
            }));
        }

        return ReminderAdminCards.MyReminders(
            [.. lines.OrderBy(l => l.At).Take(10).Select(l => l.Line)],
            [.. kinds.Select(k => (k, muted.Contains(k)))],
            input.Conversation.Kind == ConversationKind.Personal,
            notice, language, noticeIsError);
    }

    [LoggerMessage(EventId = 6505, Level = LogLevel.Information, Message = "RSVP for {OccurrenceKey} refused: the member is not in the event's audience")]
    private static partial void LogOutsideAudience(ILogger logger, string occurrenceKey);

    [LoggerMessage(EventId = 6504, Level = LogLevel.Information, Message = "RSVP for {OccurrenceKey}: {Answer}")]
    private static partial void LogRsvp(ILogger logger, string occurrenceKey, RsvpAnswer answer);
}
