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
    TimeProvider time)
{
    public async Task<System.Text.Json.Nodes.JsonObject> StatsPickerAsync(UiLanguage language, CancellationToken cancellationToken)
    {
        var events = await store.ListEventsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var holidays = options.CurrentValue.HolidayDates();
        var choices = events
            .SelectMany(e => OccurrencePlanner.Between(e, holidays, cron, now.AddDays(-92), now.AddDays(35)).Select(o => (Event: e, Occurrence: o)))
            .OrderByDescending(x => x.Occurrence.StartUtc <= now).ThenBy(x => Math.Abs((x.Occurrence.StartUtc - now).Ticks))
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
            [.. rows.Select(r => new AttendanceLedgerRow(r.Name, r.Answer, r.Reason, r.AnsweredAt, r.Delivery))]);
    }

    /// <summary>Who was expected at one occurrence and where each stands: the partition 出勤统计 and the console show.</summary>
    public async Task<IReadOnlyList<AttendanceEntry>> EntriesAsync(ReminderEvent ev, Occurrence occurrence, UiLanguage language, CancellationToken cancellationToken) =>
        [.. (await AttendanceRowsAsync(ev, occurrence, language, cancellationToken)).Select(r => new AttendanceEntry(r.MemberId, r.Name, r.Status))];

    /// <summary>Every occurrence of every event that starts in [from, to), holidays and moves applied, oldest first.</summary>
    public async Task<IReadOnlyList<(ReminderEvent Event, Occurrence Occurrence)>> OccurrencesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var holidays = options.CurrentValue.HolidayDates();
        return [.. (await store.ListEventsAsync(cancellationToken))
            .SelectMany(e => OccurrencePlanner.Between(e, holidays, cron, from, to).Where(o => o.StartUtc >= from && o.StartUtc < to).Select(o => (e, o)))
            .OrderBy(x => x.o.StartUtc)];
    }

    private sealed record AttendanceRow(string MemberId, string Name, string Answer, string Reason, string AnsweredAt, string Delivery, RsvpAnswer? Rsvp, bool Failed)
    {
        public AttendanceStatus Status => Rsvp switch
        {
            RsvpAnswer.Attend => AttendanceStatus.Attending,
            RsvpAnswer.Leave => AttendanceStatus.OnLeave,
            _ => Failed ? AttendanceStatus.NotDelivered : AttendanceStatus.NoAnswer,
        };
    }

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
                rsvp?.Answer switch { RsvpAnswer.Attend => "参加", RsvpAnswer.Leave => "请假", _ => "未答复" },
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
                rsvp?.Answer, failed));
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
        var around = OccurrencePlanner.Between(ev, holidays, cron, now.AddDays(-185), now.AddDays(100));
        var choices = around.Where(o => o.StartUtc <= now).TakeLast(6).Concat(around.Where(o => o.StartUtc > now).Take(3))
            .Select(o => (ReminderViews.TimeLine(o, ev, language), o.Key)).ToList();
        if (choices.All(c => c.Key != occurrence.Key)) choices.Insert(0, (ReminderViews.TimeLine(occurrence, ev, language), occurrence.Key));
        return new StatsView
        {
            EventId = ev.Id,
            EventTitle = ev.Title,
            OccurrenceKey = occurrence.Key,
            OccurrenceTime = ReminderViews.TimeLine(occurrence, ev, language),
            OccurrenceChoices = choices,
            Attending = [.. rows.Where(r => r.Status == AttendanceStatus.Attending).Select(r => new AttendanceLine(r.Name, r.AnsweredAt))],
            OnLeave = [.. rows.Where(r => r.Status == AttendanceStatus.OnLeave).Select(r => new AttendanceLine(r.Name, r.Reason))],
            NoAnswer = [.. rows.Where(r => r.Status == AttendanceStatus.NoAnswer).Select(r => new AttendanceLine(r.Name, r.Delivery))],
            Failed = [.. rows.Where(r => r.Status == AttendanceStatus.NotDelivered).Select(r => new AttendanceLine(r.Name, r.Delivery))],
            Reactions = ReadReceipts.ReminderReactions.From(await delivery.GetBatchAsync(occurrence.Key, cancellationToken), rows.Where(r => r.Rsvp is not null).Select(r => r.MemberId)),
        };
    }
}
