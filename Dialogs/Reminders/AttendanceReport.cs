using OrganBot.Cards;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.Downloads;

namespace OrganBot.Dialogs.Reminders;

/// <summary>出勤统计 and the 台账 of one occurrence: who attends, who is on leave, who has not answered, whose reminder failed.</summary>
public sealed class AttendanceReport(
    IReminderStore store,
    IAudienceDirectory audience,
    IDeliveryQueue delivery,
    IDownloadLinks downloads,
    ReminderAdminActions admin,
    OccurrenceResolver occurrences,
    ICronEvaluator cron,
    Microsoft.Extensions.Options.IOptionsMonitor<ReminderOptions> options,
    OfficeClock office,
    TimeProvider time)
{
    /// <summary>The longest range of one 成员台账 (about three years).</summary>
    private const int MaxLedgerDays = 1100;

    public async Task<System.Text.Json.Nodes.JsonObject> StatsPickerAsync(UiLanguage language, CancellationToken cancellationToken)
    {
        var events = await store.ListEventsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var holidays = options.CurrentValue.HolidayDates();
        // Each event's next occurrence first (soonest first), then past ones newest first; never one before the event existed.
        var upcoming = events.Where(e => !e.Paused).Select(e => (Event: e, Occurrence: OccurrencePlanner.First(e, holidays, cron, now)))
            .Where(x => x.Occurrence is not null).Select(x => (x.Event, Occurrence: x.Occurrence!)).OrderBy(x => x.Occurrence.StartUtc);
        var past = events.SelectMany(e => OccurrencePlanner.Between(e, holidays, cron, now.AddDays(-92), now.AddTicks(1)).Where(e.Existed).Select(o => (Event: e, Occurrence: o)))
            .OrderByDescending(x => x.Occurrence.StartUtc);
        var choices = upcoming.Concat(past)
            .Take(40)
            .Select(x => ($"{x.Event.Title} · {ReminderViews.TimeLine(x.Occurrence, x.Event, language)}", x.Occurrence.Key))
            .ToList();
        return ReminderAdminCards.StatsPicker(choices, language);
    }

    public async Task StatsAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var (ev, occurrence) = await occurrences.ResolveAsync(turn.Input.Data("occurrence"), turn.Input.Data("eventId"), cancellationToken);
        if (ev is null || occurrence is null)
        {
            await turn.ReplaceCardAsync(await admin.ListCardAsync(ev is null ? ReminderTexts.Gone(language) : language.Pick("该活动还没有可统计的场次。", "This event has no occurrence to report on yet."), language, cancellationToken), cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(ReminderAdminCards.Stats(await BuildStatsAsync(ev, occurrence, language, cancellationToken), language), cancellationToken);
    }

    /// <summary>导出台账: answers with a one-time download link to the CSV of the occurrence.</summary>
    public async Task ExportAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var (ev, occurrence) = await occurrences.ResolveAsync(turn.Input.Data("occurrence"), turn.Input.Data("eventId"), cancellationToken);
        if (ev is null || occurrence is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(ReminderTexts.Gone(language)), cancellationToken);
            return;
        }

        var link = await downloads.CreateAsync(DownloadPurposes.AttendanceLedger, occurrence.Key, turn.Input.User.AadObjectId!, cancellationToken);
        var card = ReminderAdminCards.LedgerLink(ev.Title, ReminderViews.TimeLine(occurrence, ev, language), link.Url.AbsoluteUri, link.Minutes, language);
        await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken);
    }

    /// <summary>The 台账 of one occurrence (in Chinese), or null when the occurrence does not exist.</summary>
    public async Task<AttendanceLedger?> BuildLedgerAsync(string? occurrenceKey, CancellationToken cancellationToken)
    {
        if (!OccurrenceKeys.TryParse(occurrenceKey, out _, out _)) return null;
        var (ev, occurrence) = await occurrences.ResolveAsync(occurrenceKey, null, cancellationToken);
        if (ev is null || occurrence is null) return null;
        var rows = await AttendanceRowsAsync(ev, occurrence, UiLanguage.Chinese, cancellationToken);
        return new AttendanceLedger(ev.Title, ChineseDates.Format(occurrence.LocalStart),
            [.. rows.Select(r => new AttendanceLedgerRow(r.Name, r.Answer, r.Reason, r.AnsweredAt, r.Delivery, r.ApprovalNote))]);
    }

    /// <summary>Who was expected at one occurrence and where each stands: the partition 出勤统计 and the console show.</summary>
    public async Task<IReadOnlyList<AttendanceEntry>> EntriesAsync(ReminderEvent ev, Occurrence occurrence, UiLanguage language, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow() >= occurrence.StartUtc;
        return [.. (await AttendanceRowsAsync(ev, occurrence, language, cancellationToken)).Select(r => new AttendanceEntry(r.MemberId, r.Name, r.StatusFor(ev, started)))];
    }

    /// <summary>Every occurrence of every event that starts in [from, to), holidays and moves applied, oldest first.</summary>
    public async Task<IReadOnlyList<(ReminderEvent Event, Occurrence Occurrence)>> OccurrencesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var holidays = options.CurrentValue.HolidayDates();
        return [.. (await store.ListEventsAsync(cancellationToken))
            .SelectMany(e => OccurrencePlanner.Between(e, holidays, cron, from, to).Where(o => o.StartUtc >= from && o.StartUtc < to).Select(o => (e, o)))
            .OrderBy(x => x.o.StartUtc)];
    }

    private sealed record AttendanceRow(string MemberId, string Name, string Answer, string Reason, string AnsweredAt, string Delivery, RsvpAnswer? Rsvp, bool Failed, LeaveApproval Approval = LeaveApproval.None, string ApprovalNote = "")
    {
        /// <summary>The one partition behind 出勤统计 and the console (approval and 缺席 only for events with approvers).</summary>
        public AttendanceStatus StatusFor(ReminderEvent ev, bool started) => (Rsvp, ev.Approvers.Count > 0) switch
        {
            (RsvpAnswer.Attend, _) => AttendanceStatus.Attending,
            (RsvpAnswer.Leave, true) when Approval == LeaveApproval.Approved => AttendanceStatus.LeaveApproved,
            (RsvpAnswer.Leave, true) when Approval == LeaveApproval.Rejected => AttendanceStatus.LeaveRejected,
            (RsvpAnswer.Leave, _) => AttendanceStatus.OnLeave,
            _ when Failed => AttendanceStatus.NotDelivered,
            (_, true) when started => AttendanceStatus.Absent,
            _ => AttendanceStatus.NoAnswer,
        };
    }

    /// <summary>The answer as the statistics and the 台账 name it (approvals and 缺席 only for events with approvers).</summary>
    internal static string AnswerText(ReminderEvent ev, Rsvp? rsvp, bool started, UiLanguage language) => (rsvp?.Answer, rsvp?.Approval) switch
    {
        (RsvpAnswer.Attend, _) => language.Pick("参加", "Attend"),
        (RsvpAnswer.Leave, LeaveApproval.Approved) => language.Pick("请假（已批准）", "Leave (approved)"),
        (RsvpAnswer.Leave, LeaveApproval.Rejected) => language.Pick("请假（未批准）", "Leave (not approved)"),
        (RsvpAnswer.Leave, LeaveApproval.Pending) => language.Pick("请假（待审批）", "Leave (awaiting approval)"),
        (RsvpAnswer.Leave, _) => language.Pick("请假", "Leave"),
        _ when started && ev.Approvers.Count > 0 => language.Pick("缺席", "Absent"),
        _ => language.Pick("未答复", "No answer"),
    };

    private async Task<List<AttendanceRow>> AttendanceRowsAsync(ReminderEvent ev, Occurrence occurrence, UiLanguage language, CancellationToken cancellationToken)
    {
        var members = await audience.ResolveMembersAsync(ev.Audience, cancellationToken);
        var rsvps = (await store.ListRsvpsAsync(occurrence.Key, cancellationToken)).ToDictionary(r => r.MemberId);
        var batch = await delivery.GetBatchAsync(occurrence.Key, cancellationToken);
        var deliveryByMember = batch
            .Where(s => s.Target is DeliveryTarget.User)
            .GroupBy(s => ((DeliveryTarget.User)s.Target).UserId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.State == DeliveryState.Sent).First());
        var rows = new List<AttendanceRow>();
        var names = members.ToDictionary(m => m.Id, m => m.Name ?? m.Id);
        foreach (var id in members.Select(m => m.Id).Concat(rsvps.Keys).Concat(deliveryByMember.Keys).Distinct())
        {
            rsvps.TryGetValue(id, out var rsvp);
            deliveryByMember.TryGetValue(id, out var status);
            var name = rsvp?.MemberName ?? (names.TryGetValue(id, out var n) ? n : id);
            var failed = status?.State is DeliveryState.Failed;
            rows.Add(new AttendanceRow(
                id, name,
                AnswerText(ev, rsvp, time.GetUtcNow() >= occurrence.StartUtc, UiLanguage.Chinese),
                rsvp?.Reason ?? "",
                rsvp is null ? "" : ChineseDates.Format(TimeZones.ToLocal(rsvp.UpdatedAt, ev.Zone)),
                status switch
                {
                    null => "",
                    { State: DeliveryState.Sent } => language.Pick("已送达", "Delivered"),
                    { State: DeliveryState.Failed } => FailureText(status.Error, language),
                    { State: DeliveryState.Expired } => language.Pick("活动开始前未能送达，已停止发送", "Not delivered before the start; dropped"),
                    _ => language.Pick("发送中", "Sending"),
                },
                rsvp?.Answer, failed, rsvp?.Approval ?? LeaveApproval.None, rsvp?.ApprovalNote ?? ""));
        }

        return rows;
    }

    /// <summary>Why a delivery failed, in words an admin can act on (the pipeline stores "403: …" / "404: …").</summary>
    internal static string FailureText(string? error, UiLanguage language) => (error ?? "") switch
    {
        var e when e.StartsWith("403", StringComparison.Ordinal) => language.Pick("发送失败：对方已移除机器人或不再接收消息（403）", "Not delivered: the member removed or blocked the bot (403)"),
        var e when e.StartsWith("404", StringComparison.Ordinal) => language.Pick("发送失败：与对方的会话已不存在（404）", "Not delivered: the chat no longer exists (404)"),
        _ => language.Pick("发送失败：多次重试仍未成功", "Not delivered after several attempts"),
    };

    private async Task<StatsView> BuildStatsAsync(ReminderEvent ev, Occurrence occurrence, UiLanguage language, CancellationToken cancellationToken)
    {
        var rows = await AttendanceRowsAsync(ev, occurrence, language, cancellationToken);
        var now = time.GetUtcNow();
        var holidays = options.CurrentValue.HolidayDates();
        // The next occurrence first, then past ones newest first, never one before the event existed.
        var around = OccurrencePlanner.Between(ev, holidays, cron, now.AddDays(-185), now.AddDays(100)).Where(ev.Existed).ToList();
        var choices = around.Where(o => o.StartUtc > now).Take(1).Concat(around.Where(o => o.StartUtc <= now).Reverse().Take(8))
            .Select(o => (ReminderViews.TimeLine(o, ev, language), o.Key)).ToList();
        if (choices.All(c => c.Key != occurrence.Key)) choices.Insert(0, (ReminderViews.TimeLine(occurrence, ev, language), occurrence.Key));
        var started = now >= occurrence.StartUtc;
        var withApprovers = ev.Approvers.Count > 0;
        // Each row's status once; a lookup keeps the rows' order within a status, and 未答复 and 缺席 never mix in one occurrence.
        var byStatus = rows.ToLookup(r => r.StatusFor(ev, started));
        List<AttendanceRow> With(params AttendanceStatus[] statuses) => [.. statuses.SelectMany(s => byStatus[s])];
        AttendanceLine LeaveLine(AttendanceRow r) => new(r.Name, r.ApprovalNote.Length == 0 ? r.Reason : r.Reason + language.Pick($"（审批意见：{r.ApprovalNote}）", $" (note: {r.ApprovalNote})"));
        return new StatsView
        {
            EventId = ev.Id,
            EventTitle = ev.Title,
            OccurrenceKey = occurrence.Key,
            OccurrenceTime = ReminderViews.TimeLine(occurrence, ev, language),
            OccurrenceChoices = choices,
            Attending = [.. With(AttendanceStatus.Attending).Select(r => new AttendanceLine(r.Name, r.AnsweredAt))],
            HasApprovers = withApprovers,
            OnLeave = [.. With(AttendanceStatus.OnLeave).Select(LeaveLine)],
            LeaveApproved = [.. With(AttendanceStatus.LeaveApproved).Select(LeaveLine)],
            LeaveRejected = [.. With(AttendanceStatus.LeaveRejected).Select(LeaveLine)],
            NoAnswerIsAbsent = withApprovers && started,
            NoAnswer = [.. With(AttendanceStatus.NoAnswer, AttendanceStatus.Absent).Select(r => new AttendanceLine(r.Name, r.Delivery))],
            Failed = [.. With(AttendanceStatus.NotDelivered).Select(r => new AttendanceLine(r.Name, r.Delivery))],
            Reactions = ReadReceipts.ReminderReactions.From(await delivery.GetBatchAsync(occurrence.Key, cancellationToken), rows.Where(r => r.Rsvp is not null).Select(r => r.MemberId)),
        };
    }

    /// <summary>成员台账 (查看 / 导出台账): the per-member attendance over a date range; defaults to this year so far.</summary>
    public async Task MemberLedgerAsync(ITurnContext turn, bool export, bool asNewCard, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var language = input.Language;
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(time.GetUtcNow(), office.Zone));
        var fromText = input.Data("from");
        var toText = input.Data("to");
        var member = string.IsNullOrEmpty(input.Data("member")) ? "all" : input.Data("member")!;
        var members = await audience.ResolveMembersAsync(Audience.All, cancellationToken);
        var memberChoices = new List<(string, string)> { (language.Pick("全体成员", "All members"), "all") };
        memberChoices.AddRange(members.OrderBy(m => m.Name ?? m.Id, StringComparer.Ordinal).Take(100).Select(m => (m.Name ?? m.Id, m.Id)));

        string? error = null;
        var from = new DateOnly(today.Year, 1, 1);
        var to = today;
        if (fromText is not null || toText is not null)
        {
            if (!DateOnly.TryParseExact(fromText ?? "", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out from)
                || !DateOnly.TryParseExact(toText ?? "", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out to))
            {
                error = language.Pick("请选择开始日期和结束日期。", "Please choose a start and an end date.");
            }
            else if (to < from || to.DayNumber - from.DayNumber > MaxLedgerDays)
            {
                error = language.Pick("结束日期应不早于开始日期，时间段最长约三年。", "The end date must not be before the start, and the range can be at most about three years.");
            }
        }

        if (member != "all" && members.All(m => m.Id != member)) error ??= language.Pick("请选择有效的成员。", "Please choose a valid member.");
        if (error is not null)
        {
            from = new DateOnly(today.Year, 1, 1);
            to = today;
            member = "all";
        }

        var objectId = LedgerObjectId(member, from, to);
        if (export && error is null)
        {
            var link = await downloads.CreateAsync(DownloadPurposes.MemberLedger, objectId, input.User.AadObjectId!, cancellationToken);
            var range = language.Pick($"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}", $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
            var who = member == "all" ? language.Pick("全体成员", "All members") : members.First(m => m.Id == member).Name ?? member;
            await turn.SendAsync(OutgoingMessage.FromCard(ReminderAdminCards.LedgerLink(who, range, link.Url.AbsoluteUri, link.Minutes, language, perMember: true)), cancellationToken);
            return;
        }

        var ledger = await BuildMemberLedgerAsync(objectId, language, cancellationToken);
        var lines = (ledger?.Rows ?? []).GroupBy(r => r.MemberId).Select(g => new MemberLedgerLine(
            g.First().Name, g.Count(),
            g.Count(r => r.Answer == language.Pick("参加", "Attend")),
            g.Count(r => r.Answer == language.Pick("请假（已批准）", "Leave (approved)")),
            g.Count(r => r.Answer == language.Pick("请假（未批准）", "Leave (not approved)")),
            g.Count(r => r.Answer == language.Pick("请假（待审批）", "Leave (awaiting approval)")),
            g.Count(r => r.Reason.Length > 0),
            g.Count(r => r.Answer == language.Pick("缺席（未答复）", "Absent (no answer)")))).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        var details = member == "all" ? [] : (ledger?.Rows ?? []).Select(r => $"{r.Time} · {r.Event}：{r.Answer}{(r.Reason.Length > 0 ? " — " + r.Reason : "")}{(r.ApprovalNote.Length > 0 ? language.Pick($"（{r.ApprovalNote}）", $" ({r.ApprovalNote})") : "")}").ToList();
        if (language == UiLanguage.English) details = [.. details.Select(d => d.Replace("：", ": ", StringComparison.Ordinal))];
        var view = new MemberLedgerView
        {
            From = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            To = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Member = member,
            MemberChoices = memberChoices,
            Lines = lines,
            Details = details,
            Error = error,
        };
        // Typed (or pressed on the 管理 card) it is a new card; its own buttons update it in place.
        var card = ReminderAdminCards.MemberLedger(view, language);
        if (asNewCard) await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken);
        else await turn.ReplaceCardAsync(card, cancellationToken);
    }

    /// <summary>member|yyyyMMdd|yyyyMMdd: what a 成员台账 download link is bound to.</summary>
    public static string LedgerObjectId(string member, DateOnly from, DateOnly to) =>
        $"{member}|{from:yyyyMMdd}|{to:yyyyMMdd}";

    /// <summary>
    /// The per-member 台账 for <paramref name="objectId"/> (<see cref="LedgerObjectId"/>): every occurrence of every event in
    /// the range (from the event's creation on), for each member of its audience today and anyone who answered; null when the
    /// id is not one.
    /// </summary>
    public async Task<MemberLedger?> BuildMemberLedgerAsync(string objectId, UiLanguage language, CancellationToken cancellationToken)
    {
        var parts = objectId.Split('|');
        if (parts.Length != 3
            || !DateOnly.TryParseExact(parts[1], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(parts[2], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var to)
            || to < from || to.DayNumber - from.DayNumber > MaxLedgerDays)
        {
            return null;
        }

        var only = parts[0] == "all" ? null : parts[0];
        var now = time.GetUtcNow();
        var holidays = options.CurrentValue.HolidayDates();
        var rows = new List<MemberLedgerRow>();
        foreach (var ev in await store.ListEventsAsync(cancellationToken))
        {
            var fromUtc = TimeZones.ToUtc(from.ToDateTime(TimeOnly.MinValue), ev.Zone);
            var untilUtc = TimeZones.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ev.Zone);
            var list = OccurrencePlanner.Between(ev, holidays, cron, fromUtc, untilUtc).Where(ev.Existed).ToList();
            if (list.Count == 0) continue;
            var people = (await audience.ResolveMembersAsync(ev.Audience, cancellationToken)).ToDictionary(m => m.Id, m => m.Name ?? m.Id);
            var answers = (await store.ListEventRsvpsAsync(ev.Id, cancellationToken)).ToLookup(r => r.OccurrenceKey);
            foreach (var occurrence in list)
            {
                var byMember = answers[occurrence.Key].ToDictionary(r => r.MemberId);
                foreach (var id in people.Keys.Concat(byMember.Keys).Distinct().Where(id => only is null || id == only))
                {
                    byMember.TryGetValue(id, out var rsvp);
                    var started = now >= occurrence.StartUtc;
                    var answer = rsvp is null && started ? language.Pick("缺席（未答复）", "Absent (no answer)") : AnswerText(ev, rsvp, started, language);
                    rows.Add(new MemberLedgerRow(
                        id, rsvp?.MemberName ?? (people.TryGetValue(id, out var n) ? n : id), ev.Title, ReminderKinds.Label(ev.Kind, language),
                        language == UiLanguage.English ? ChineseDates.Format(occurrence.LocalStart, language) : ChineseDates.Format(occurrence.LocalStart),
                        occurrence.StartUtc, answer, rsvp?.Reason ?? "", rsvp?.DecidedBy ?? "", rsvp?.ApprovalNote ?? "",
                        rsvp is null ? "" : ChineseDates.Format(TimeZones.ToLocal(rsvp.UpdatedAt, ev.Zone), language)));
                }
            }
        }

        return new MemberLedger(from, to, [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.MemberId, StringComparer.Ordinal).ThenBy(r => r.StartUtc)]);
    }
}
