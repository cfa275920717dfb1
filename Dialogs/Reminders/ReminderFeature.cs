using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrganBot.Cards;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Reminders;

/// <summary>提醒管理 / 出勤统计 for admins, 我的提醒 and the 参加 / 请假 answers for members.</summary>
public sealed partial class ReminderFeature(
    IReminderStore store,
    IReminderAudience audience,
    IReminderScheduler scheduler,
    ReminderDispatcher dispatcher,
    IDeliveryQueue delivery,
    ICronEvaluator cron,
    IOptionsMonitor<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderFeature> logger) : IFeature
{
    public const string AdminCommand = "提醒管理";
    public const string StatsCommand = "出勤统计";
    private const int MaxReason = 200;

    // Static: features are scoped (built every turn), their command words never change.
    private static readonly string[] s_commands = [AdminCommand, StatsCommand, "我的提醒", "my reminders"];

    public IReadOnlyCollection<string> Commands => s_commands;

    public string VerbPrefix => "remind.";

    public async Task HandleCommandAsync(ITurnContext turn, string command, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (command is AdminCommand or StatsCommand)
        {
            if (!turn.IsAdmin)
            {
                await turn.SendAsync(OutgoingMessage.FromText(NotAdmin(language)), cancellationToken);
                return;
            }

            var card = command == AdminCommand ? await ListCardAsync(null, language, cancellationToken) : await StatsPickerAsync(language, cancellationToken);
            await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken);
            return;
        }

        await turn.SendAsync(OutgoingMessage.FromCard(await MyRemindersAsync(turn, null, cancellationToken)), cancellationToken);
    }

    public async Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var verb = turn.Input.Verb ?? "";
        var language = turn.Input.Language;
        if (verb.StartsWith("remind.admin.", StringComparison.Ordinal) && !turn.IsAdmin)
        {
            LogNotAdmin(logger, verb);
            await turn.SendAsync(OutgoingMessage.FromText(NotAdmin(language)), cancellationToken);
            return;
        }

        switch (verb)
        {
            case ReminderAdminCards.ListVerb:
                await turn.ReplaceCardAsync(await ListCardAsync(null, language, cancellationToken), cancellationToken);
                return;
            case ReminderAdminCards.NewVerb:
                await turn.ReplaceCardAsync(ReminderAdminCards.Edit(await NewFormAsync(cancellationToken), language), cancellationToken);
                return;
            case ReminderAdminCards.EditVerb:
                await EditAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.SaveVerb:
                await SaveAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.PauseVerb:
                await PauseAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.DeleteVerb:
            case ReminderAdminCards.DeleteConfirmVerb:
                await DeleteAsync(turn, verb == ReminderAdminCards.DeleteConfirmVerb, cancellationToken);
                return;
            case ReminderAdminCards.PreviewVerb:
                await PreviewAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.ExceptionVerb:
                await ExceptionAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.StatsVerb:
                await StatsAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.ExportVerb:
                await ExportAsync(turn, cancellationToken);
                return;
            case ReminderCard.RsvpVerb:
                await RsvpAsync(turn, cancellationToken);
                return;
            case ReminderCard.MuteVerb:
                await MuteAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.MyVerb:
                await turn.ReplaceCardAsync(await MyRemindersAsync(turn, null, cancellationToken), cancellationToken);
                return;
            default:
                await turn.SendAsync(OutgoingMessage.FromText(language.Pick("这个按钮已失效，请重新发送“我的提醒”。", "This button is no longer active. Send \"my reminders\" again.")), cancellationToken);
                return;
        }
    }

    // ---------- admin: list, create, edit ----------

    private async Task<System.Text.Json.Nodes.JsonObject> ListCardAsync(string? notice, UiLanguage language, CancellationToken cancellationToken)
    {
        var events = await store.ListEventsAsync(cancellationToken);
        var choices = await audience.ListChoicesAsync(cancellationToken);
        var holidays = options.CurrentValue.HolidayDates();
        var now = time.GetUtcNow();
        var views = events.Select(e => new EventSummaryView(
            e.Id, e.Title, e.Kind, e.Recurrence.Text, ChineseDates.ZoneLabel(e.TimeZoneId, language),
            ReminderViews.AudienceTitle(e.Audience, choices, language), LeadTime.FormatList(e.LeadTimes),
            [.. OccurrencePlanner.Next(e, holidays, cron, now, 3).Select(o => ReminderViews.TimeLine(o, e, language) + (ReminderViews.ChangeNote(o, language) is { } note ? " " + note : ""))],
            e.Paused, e.Mandatory, [.. e.Exceptions.Select(x => DescribeException(x, language))])).ToList();
        return ReminderAdminCards.List(views, notice, language);
    }

    private async Task<EventFormView> NewFormAsync(CancellationToken cancellationToken) => new()
    {
        TimeZone = options.CurrentValue.DefaultTimeZone,
        AudienceChoices = await AudienceChoicesAsync(cancellationToken),
        SpeechChoices = SpeechChoices(),
        SpeechLinkId = SpeechLinks.All[0].Id,
        Recurrence = "每月第一个周五 15:00",
        Title = "主题党日",
    };

    private async Task EditAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var ev = await store.FindEventAsync(turn.Input.Data("eventId") ?? "", cancellationToken);
        if (ev is null)
        {
            await turn.ReplaceCardAsync(await ListCardAsync(Gone(turn.Input.Language), turn.Input.Language, cancellationToken), cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(ReminderAdminCards.Edit(await FormOfAsync(ev, [], turn.Input.Language, cancellationToken), turn.Input.Language), cancellationToken);
    }

    private async Task<EventFormView> FormOfAsync(ReminderEvent ev, IReadOnlyList<string> errors, UiLanguage language, CancellationToken cancellationToken)
    {
        var holidays = options.CurrentValue.HolidayDates();
        var now = time.GetUtcNow();
        return new EventFormView
        {
            EventId = ev.Id,
            Title = ev.Title,
            Kind = ev.Kind,
            Recurrence = ev.Recurrence.Text,
            TimeZone = ev.TimeZoneId,
            Location = ev.Location,
            Agenda = ev.Agenda,
            Audience = ReminderViews.AudienceValue(ev.Audience),
            Leads = LeadTime.FormatList(ev.LeadTimes),
            SpeechLinkId = ev.SpeechLinkId ?? "",
            ShiftOnHolidays = ev.ShiftOnHolidays,
            Mandatory = ev.Mandatory,
            Errors = errors,
            AudienceChoices = await AudienceChoicesAsync(cancellationToken),
            SpeechChoices = SpeechChoices(),
            OccurrenceChoices = [.. OccurrencePlanner.Next(ev, holidays, cron, now, 8).Select(o => (ReminderViews.TimeLine(o, ev, language), o.OriginalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))],
            Exceptions = [.. ev.Exceptions.Select(x => DescribeException(x, language))],
        };
    }

    private async Task SaveAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var language = input.Language;
        var now = time.GetUtcNow();
        var eventId = input.Data("eventId");
        ReminderEvent? existing = null;
        if (!string.IsNullOrEmpty(eventId))
        {
            existing = await store.FindEventAsync(eventId, cancellationToken);
            if (existing is null)
            {
                await turn.ReplaceCardAsync(await ListCardAsync(Gone(language), language, cancellationToken), cancellationToken);
                return;
            }
        }

        var errors = new List<string>();
        var title = (input.Data("title") ?? "").Trim();
        var kind = (input.Data("kind") ?? "").Trim();
        var recurrenceText = input.Data("recurrence");
        var zoneId = string.IsNullOrWhiteSpace(input.Data("timeZone")) ? options.CurrentValue.DefaultTimeZone : input.Data("timeZone")!.Trim();
        var location = (input.Data("location") ?? "").Trim();
        var agenda = (input.Data("agenda") ?? "").Trim();
        var audienceValue = input.Data("audience");
        var leadsText = input.Data("leads");
        var speechLinkId = (input.Data("speechLink") ?? "").Trim();
        var shift = input.Data("shiftHolidays") == "true";
        var mandatory = input.Data("mandatory") == "true";

        if (title.Length == 0) errors.Add(language.Pick("请填写活动名称。", "Please enter a title."));
        else if (title.Length > 60) errors.Add(language.Pick("活动名称不能超过 60 个字，请缩短后再保存。", "The title can be at most 60 characters."));
        if (!ReminderAdminCards.Kinds.Contains(kind)) errors.Add(language.Pick("请选择活动类别。", "Please choose a kind."));
        if (location.Length > 100) errors.Add(language.Pick("地点不能超过 100 个字，请缩短后再保存。", "The place can be at most 100 characters."));
        if (agenda.Length > 1000) errors.Add(language.Pick("议程不能超过 1000 个字，请缩短后再保存。", "The agenda can be at most 1000 characters."));

        var zone = TimeZones.Find(zoneId);
        if (zone is null) errors.Add(language.Pick($"未知时区“{zoneId}”。请填写 IANA 时区名称，例如 Asia/Shanghai。", $"Unknown time zone \"{zoneId}\". Use an IANA name such as Asia/Shanghai."));

        var (recurrence, recurrenceError) = RecurrenceParser.Parse(recurrenceText, cron);
        if (recurrenceError is not null) errors.Add(recurrenceError.In(language));
        if (recurrence is OneOff once && zone is not null && TimeZones.ToUtc(once.LocalStart, zone) <= now)
        {
            errors.Add(language.Pick($"一次性活动的时间 {ChineseDates.Format(once.LocalStart)} 已经过去，请填写将来的时间。", $"The one-off time {ChineseDates.Format(once.LocalStart, language)} is in the past; please choose a future time."));
        }

        var (leads, leadError) = LeadTime.ParseList(leadsText);
        if (leadError is not null) errors.Add(leadError.In(language));

        var target = ReminderViews.ParseAudience(audienceValue);
        var choices = await audience.ListChoicesAsync(cancellationToken);
        if (target is null || (target.Kind != AudienceKind.AllMembers && choices.All(c => c.Audience != target)))
        {
            errors.Add(language.Pick("请选择有效的提醒对象。", "Please choose a valid audience."));
        }

        if (speechLinkId.Length > 0 && SpeechLinks.Find(speechLinkId) is null) errors.Add(language.Pick("请选择有效的讲话要求。", "Please choose a valid speech passage."));

        ReminderEvent? ev = null;
        if (errors.Count == 0)
        {
            ev = new ReminderEvent
            {
                Id = existing?.Id ?? Guid.NewGuid().ToString("N")[..12],
                Title = title,
                Kind = kind,
                Recurrence = recurrence!,
                TimeZoneId = zoneId,
                Location = location,
                Agenda = agenda,
                Audience = target!,
                LeadTimes = leads!,
                SpeechLinkId = speechLinkId.Length == 0 ? null : speechLinkId,
                ShiftOnHolidays = shift,
                Mandatory = mandatory,
                Paused = existing?.Paused ?? false,
                Exceptions = existing?.Exceptions ?? [],
                PlannedFrom = now,
                CreatedBy = existing?.CreatedBy ?? input.User.AadObjectId ?? input.User.Id,
            };
            if (OccurrencePlanner.Next(ev, options.CurrentValue.HolidayDates(), cron, now, 1).Count == 0)
            {
                errors.Add(language.Pick("按此时间规则，今后没有任何一次活动，请修改时间规则后再保存。", "This recurrence has no future occurrence; please check it."));
            }
        }

        if (errors.Count > 0)
        {
            var form = new EventFormView
            {
                EventId = existing?.Id,
                Title = title, Kind = kind, Recurrence = recurrenceText ?? "", TimeZone = zoneId, Location = location, Agenda = agenda,
                Audience = audienceValue ?? "all", Leads = leadsText ?? "", SpeechLinkId = speechLinkId, ShiftOnHolidays = shift, Mandatory = mandatory,
                Errors = errors,
                AudienceChoices = [.. choices.Select(c => (c.Title, ReminderViews.AudienceValue(c.Audience)))],
                SpeechChoices = SpeechChoices(),
            };
            await turn.ReplaceCardAsync(ReminderAdminCards.Edit(form, language), cancellationToken);
            return;
        }

        await SaveAndScheduleAsync(ev!, cancellationToken);
        LogSaved(logger, ev!.Id, input.User.AadObjectId);
        var next = OccurrencePlanner.Next(ev, options.CurrentValue.HolidayDates(), cron, now, 1)[0];
        await turn.ReplaceCardAsync(await ListCardAsync(language.Pick($"已保存“{ev.Title}”，下一次：{ReminderViews.TimeLine(next, ev, language)}。", $"Saved \"{ev.Title}\". Next: {ReminderViews.TimeLine(next, ev, language)}."), language, cancellationToken), cancellationToken);
    }

    /// <summary>Stores the event and (re)schedules its wake-up.</summary>
    public async Task SaveAndScheduleAsync(ReminderEvent ev, CancellationToken cancellationToken)
    {
        await store.SaveEventAsync(ev, cancellationToken);
        await scheduler.ScheduleAsync(ev.Id, dispatcher.NextWakeUp(ev), cancellationToken);
    }

    private async Task PauseAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var ev = await store.FindEventAsync(turn.Input.Data("eventId") ?? "", cancellationToken);
        if (ev is null)
        {
            await turn.ReplaceCardAsync(await ListCardAsync(Gone(language), language, cancellationToken), cancellationToken);
            return;
        }

        var paused = turn.Input.Data("paused") != "false";
        // Resuming does not replay reminders that fell due while paused.
        ev = ev with { Paused = paused, PlannedFrom = paused ? ev.PlannedFrom : time.GetUtcNow() };
        await SaveAndScheduleAsync(ev, cancellationToken);
        await turn.ReplaceCardAsync(await ListCardAsync(paused
            ? language.Pick($"已暂停“{ev.Title}”的提醒。", $"Paused \"{ev.Title}\".")
            : language.Pick($"已恢复“{ev.Title}”的提醒。", $"Resumed \"{ev.Title}\"."), language, cancellationToken), cancellationToken);
    }

    private async Task DeleteAsync(ITurnContext turn, bool confirmed, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var ev = await store.FindEventAsync(turn.Input.Data("eventId") ?? "", cancellationToken);
        if (ev is null)
        {
            await turn.ReplaceCardAsync(await ListCardAsync(Gone(language), language, cancellationToken), cancellationToken);
            return;
        }

        if (!confirmed)
        {
            await turn.ReplaceCardAsync(ReminderAdminCards.ConfirmDelete(ev.Id, ev.Title, language), cancellationToken);
            return;
        }

        await store.DeleteEventAsync(ev.Id, cancellationToken);
        await scheduler.ScheduleAsync(ev.Id, null, cancellationToken);
        LogDeleted(logger, ev.Id, turn.Input.User.AadObjectId);
        await turn.ReplaceCardAsync(await ListCardAsync(language.Pick($"已删除“{ev.Title}”。", $"Deleted \"{ev.Title}\"."), language, cancellationToken), cancellationToken);
    }

    private async Task PreviewAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var ev = await store.FindEventAsync(turn.Input.Data("eventId") ?? "", cancellationToken);
        var now = time.GetUtcNow();
        var next = ev is null ? null : OccurrencePlanner.First(ev, options.CurrentValue.HolidayDates(), cron, now);
        if (ev is null || next is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(ev is null ? Gone(language) : language.Pick("该活动今后没有安排，无法预览。", "This event has no upcoming occurrence to preview.")), cancellationToken);
            return;
        }

        var view = ReminderViews.Card(ev, next, null, turn.Input.TimeZone, personal: true, now, language) with { Preview = true };
        await turn.SendAsync(OutgoingMessage.FromCard(ReminderCard.Build(view, language)), cancellationToken);
    }

    private async Task ExceptionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var language = input.Language;
        var ev = await store.FindEventAsync(input.Data("eventId") ?? "", cancellationToken);
        if (ev is null)
        {
            await turn.ReplaceCardAsync(await ListCardAsync(Gone(language), language, cancellationToken), cancellationToken);
            return;
        }

        var errors = new List<string>();
        var now = time.GetUtcNow();
        var action = input.Data("action") ?? "skip";
        OccurrenceException? change = null;
        if (!DateOnly.TryParseExact(input.Data("originalDate") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var original)
            || !OccurrencePlanner.IsBaseDate(ev, original, ev.Zone, cron))
        {
            errors.Add(language.Pick("请选择该活动的某一次。", "Please choose one of this event's occurrences."));
        }
        else if (action == "skip")
        {
            change = new OccurrenceException(original, ExceptionAction.Skip);
        }
        else if (action == "move")
        {
            if (!DateOnly.TryParseExact(input.Data("newDate") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var newDate)
                || !TimeOnly.TryParseExact(input.Data("newTime") ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var newTime))
            {
                errors.Add(language.Pick("改期请填写新的日期和时间。", "To move it, give the new date and time."));
            }
            else if (TimeZones.ToUtc(newDate.ToDateTime(newTime), ev.Zone) <= now)
            {
                errors.Add(language.Pick("新的时间已经过去，请选择将来的时间。", "The new time is in the past; please choose a future time."));
            }
            else
            {
                change = new OccurrenceException(original, ExceptionAction.Move, newDate.ToDateTime(newTime));
            }
        }
        else if (action != "reset")
        {
            errors.Add(language.Pick("请选择调整方式。", "Please choose a change."));
        }

        if (errors.Count > 0)
        {
            await turn.ReplaceCardAsync(ReminderAdminCards.Edit(await FormOfAsync(ev, errors, language, cancellationToken), language), cancellationToken);
            return;
        }

        var exceptions = ev.Exceptions.Where(e => e.OriginalDate != original).ToList();
        if (change is not null) exceptions.Add(change);
        ev = ev with { Exceptions = exceptions };
        await SaveAndScheduleAsync(ev, cancellationToken);
        var notice = change is null
            ? language.Pick($"已恢复 {ChineseDates.FormatDate(original)} 的原定安排。", $"Restored the original time of {ChineseDates.FormatDate(original, language)}.")
            : DescribeException(change, language) + language.Pick("，已保存。", " saved.");
        await turn.ReplaceCardAsync(await ListCardAsync(notice, language, cancellationToken), cancellationToken);
    }

    // ---------- admin: statistics ----------

    private async Task<System.Text.Json.Nodes.JsonObject> StatsPickerAsync(UiLanguage language, CancellationToken cancellationToken)
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

    private async Task StatsAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var (ev, occurrence) = await ResolveOccurrenceAsync(turn.Input.Data("occurrence"), turn.Input.Data("eventId"), cancellationToken);
        if (ev is null || occurrence is null)
        {
            await turn.ReplaceCardAsync(await ListCardAsync(ev is null ? Gone(language) : language.Pick("该活动还没有可统计的场次。", "This event has no occurrence to report on yet."), language, cancellationToken), cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(ReminderAdminCards.Stats(await BuildStatsAsync(ev, occurrence, language, cancellationToken), language), cancellationToken);
    }

    private async Task ExportAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var (ev, occurrence) = await ResolveOccurrenceAsync(turn.Input.Data("occurrence"), turn.Input.Data("eventId"), cancellationToken);
        if (ev is null || occurrence is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(Gone(language)), cancellationToken);
            return;
        }

        var csv = await BuildCsvAsync(ev, occurrence, cancellationToken);
        var title = language.Pick($"出勤台账：{ev.Title} {ReminderViews.TimeLine(occurrence, ev, language)}（CSV，可复制到 Excel）", $"Attendance ledger: {ev.Title} {ReminderViews.TimeLine(occurrence, ev, language)} (CSV)");
        await turn.SendAsync(OutgoingMessage.FromText($"{title}\n\n```\n{csv}```"), cancellationToken);
    }

    /// <summary>The 台账 of one occurrence: one line per expected member, then failed deliveries to others.</summary>
    public async Task<string> BuildCsvAsync(ReminderEvent ev, Occurrence occurrence, CancellationToken cancellationToken)
    {
        var rows = await AttendanceRowsAsync(ev, occurrence, UiLanguage.Chinese, cancellationToken);
        var sb = new StringBuilder();
        sb.Append("活动,时间,姓名,答复,请假原因,答复时间,送达情况\n");
        var when = ChineseDates.Format(occurrence.LocalStart);
        foreach (var row in rows)
        {
            sb.Append(string.Join(",", new[] { ev.Title, when, row.Name, row.Answer, row.Reason, row.AnsweredAt, row.Delivery }.Select(Csv))).Append('\n');
        }

        return sb.ToString();
    }

    private sealed record AttendanceRow(string MemberId, string Name, string Answer, string Reason, string AnsweredAt, string Delivery, RsvpAnswer? Rsvp, bool Failed);

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
            Attending = [.. rows.Where(r => r.Rsvp == RsvpAnswer.Attend).Select(r => new AttendanceLine(r.Name, r.AnsweredAt))],
            OnLeave = [.. rows.Where(r => r.Rsvp == RsvpAnswer.Leave).Select(r => new AttendanceLine(r.Name, r.Reason))],
            NoAnswer = [.. rows.Where(r => r.Rsvp is null && !r.Failed).Select(r => new AttendanceLine(r.Name, r.Delivery))],
            Failed = [.. rows.Where(r => r.Failed).Select(r => new AttendanceLine(r.Name, r.Delivery))],
        };
    }

    private async Task<(ReminderEvent? Event, Occurrence? Occurrence)> ResolveOccurrenceAsync(string? occurrenceKey, string? eventId, CancellationToken cancellationToken)
    {
        var holidays = options.CurrentValue.HolidayDates();
        if (OccurrenceKeys.TryParse(occurrenceKey, out var keyEventId, out var originalDate))
        {
            var byKey = await store.FindEventAsync(keyEventId, cancellationToken);
            return (byKey, byKey is null ? null : OccurrencePlanner.Find(byKey, originalDate, holidays, cron));
        }

        var ev = await store.FindEventAsync(eventId ?? "", cancellationToken);
        if (ev is null) return (null, null);
        var now = time.GetUtcNow();
        // Default: the next occurrence once its reminders are going out, else the latest one that started (within five weeks).
        var next = OccurrencePlanner.First(ev, holidays, cron, now);
        if (next is not null && next.StartUtc - now <= OccurrencePlanner.LongestLead(ev) + TimeSpan.FromDays(1)) return (ev, next);
        var started = OccurrencePlanner.Between(ev, holidays, cron, now.AddDays(-35), now.AddTicks(1));
        return (ev, started.Count > 0 ? started[^1] : next);
    }

    // ---------- members ----------

    private async Task RsvpAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var language = input.Language;
        var (ev, occurrence) = OccurrenceKeys.TryParse(input.Data("occurrence"), out _, out _)
            ? await ResolveOccurrenceAsync(input.Data("occurrence"), null, cancellationToken)
            : (null, null);
        if (ev is null || occurrence is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("这次活动已取消或不存在，无需答复。", "This event was cancelled or no longer exists; no answer is needed.")), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var member = await audience.FindMemberAsync(input.User.Id, cancellationToken);
        var zoneId = input.TimeZone ?? member?.TimeZone;
        var personal = input.Conversation.Kind == ConversationKind.Personal;
        var current = await store.FindRsvpAsync(occurrence.Key, input.User.Id, cancellationToken);
        ReminderCardView View(Rsvp? rsvp) => ReminderViews.Card(ev, occurrence, rsvp, zoneId, personal, now, language);

        if (now >= occurrence.StartUtc)
        {
            await turn.ReplaceCardAsync(ReminderCard.Build(View(current) with { Notice = language.Pick("活动已开始，答复已截止，无法再更改。", "The event has started; answers can no longer change."), NoticeIsError = true }, language), cancellationToken);
            return;
        }

        var answer = input.Data("answer") switch { "attend" => RsvpAnswer.Attend, "leave" => RsvpAnswer.Leave, _ => (RsvpAnswer?)null };
        var reason = (input.Data("reason") ?? "").Trim();
        string? error = answer switch
        {
            null => language.Pick("请选择“参加”或“请假”。", "Please choose Attend or Ask for leave."),
            RsvpAnswer.Leave when reason.Length == 0 => language.Pick("请假需要填写原因，请填写后再提交。", "Please give a reason for your leave, then submit again."),
            RsvpAnswer.Leave when reason.Length > MaxReason => language.Pick($"请假原因不能超过 {MaxReason} 个字。", $"The reason can be at most {MaxReason} characters."),
            _ => null,
        };
        if (error is not null)
        {
            await turn.ReplaceCardAsync(ReminderCard.Build(View(current) with { Notice = error, NoticeIsError = true }, language), cancellationToken);
            return;
        }

        var rsvp = new Rsvp(occurrence.Key, ev.Id, input.User.Id, input.User.Name ?? member?.Name, answer!.Value, answer == RsvpAnswer.Leave ? reason : null, now);
        await store.SaveRsvpAsync(rsvp, cancellationToken);
        LogRsvp(logger, occurrence.Key, answer.Value);
        var notice = answer == RsvpAnswer.Attend
            ? language.Pick("已记录：您将参加。", "Recorded: you will attend.")
            : language.Pick("已记录您的请假。", "Your leave is recorded.");
        await turn.ReplaceCardAsync(ReminderCard.Build(View(rsvp) with { Notice = notice }, language), cancellationToken);
    }

    private async Task MuteAsync(ITurnContext turn, CancellationToken cancellationToken)
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
            ? await ResolveOccurrenceAsync(input.Data("occurrence"), null, cancellationToken)
            : (null, null);
        if (muted && ev is { Mandatory: true })
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("该活动为必须参加，不能屏蔽提醒。", "Attendance is required for this event; its reminders cannot be muted.")), cancellationToken);
            return;
        }

        await store.SetMutedAsync(input.User.Id, kind, muted, cancellationToken);
        var notice = muted
            ? language.Pick($"已不再提醒“{kind}”类活动（“必须参加”的活动除外）。可在“我的提醒”中恢复。", $"You will no longer be reminded of {kind} (except required events). Undo in \"my reminders\".")
            : language.Pick($"已恢复“{kind}”类活动的提醒。", $"Reminders for {kind} are back on.");
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

    private async Task<System.Text.Json.Nodes.JsonObject> MyRemindersAsync(ITurnContext turn, string? notice, CancellationToken cancellationToken)
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
                RsvpAnswer.Leave => language.Pick("您已请假：", "Leave: ") + rsvp.Reason,
                _ => language.Pick("尚未答复", "No answer yet"),
            } + (!ev.Mandatory && muted.Contains(ev.Kind) ? language.Pick("（已屏蔽此类提醒）", " (muted)") : "");
            var timeLine = ReminderViews.TimeLine(next, ev, language) + (ReminderViews.MemberTimeLine(next, ev, zoneId, language) is { } mine ? "\n" + language.Pick("您的时间：", "Your time: ") + mine : "");
            lines.Add((next.StartUtc, new MyReminderLine(ev.Title, ev.Kind, timeLine, answer, ev.Mandatory)));
        }

        return ReminderAdminCards.MyReminders(
            [.. lines.OrderBy(l => l.At).Take(10).Select(l => l.Line)],
            [.. kinds.Select(k => (k, muted.Contains(k)))],
            input.Conversation.Kind == ConversationKind.Personal,
            notice, language);
    }

    // ---------- helpers ----------

    private async Task<IReadOnlyList<(string Title, string Value)>> AudienceChoicesAsync(CancellationToken cancellationToken) =>
        [.. (await audience.ListChoicesAsync(cancellationToken)).Select(c => (c.Title, ReminderViews.AudienceValue(c.Audience)))];

    private static IReadOnlyList<(string Title, string Value)> SpeechChoices() =>
        [.. SpeechLinks.All.Select(l => (l.LabelChinese + "：" + (l.Quote.Length > 24 ? l.Quote[..24] + "…" : l.Quote), l.Id))];

    private static string DescribeException(OccurrenceException x, UiLanguage language) => x.Action == ExceptionAction.Skip
        ? language.Pick($"{ChineseDates.FormatDate(x.OriginalDate)} 取消", $"{ChineseDates.FormatDate(x.OriginalDate, language)} skipped")
        : language.Pick($"{ChineseDates.FormatDate(x.OriginalDate)} 改至 {ChineseDates.Format(x.NewLocalStart!.Value)}", $"{ChineseDates.FormatDate(x.OriginalDate, language)} moved to {ChineseDates.Format(x.NewLocalStart!.Value, language)}");

    private static string NotAdmin(UiLanguage language) => language.Pick("抱歉，提醒管理和出勤统计仅对管理员开放。", "Sorry, reminder management and attendance are for administrators only.");

    private static string Gone(UiLanguage language) => language.Pick("该活动已不存在，可能已被删除。", "This event no longer exists; it may have been deleted.");

    /// <summary>RFC 4180 field; a leading = + - @ is neutralised so a spreadsheet does not run it as a formula.</summary>
    internal static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    [LoggerMessage(EventId = 6501, Level = LogLevel.Warning, Message = "Non-admin pressed admin reminder action {Verb}")]
    private static partial void LogNotAdmin(ILogger logger, string verb);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Information, Message = "Reminder event {EventId} saved by {AadObjectId}")]
    private static partial void LogSaved(ILogger logger, string eventId, string? aadObjectId);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Information, Message = "Reminder event {EventId} deleted by {AadObjectId}")]
    private static partial void LogDeleted(ILogger logger, string eventId, string? aadObjectId);

    [LoggerMessage(EventId = 6504, Level = LogLevel.Information, Message = "RSVP for {OccurrenceKey}: {Answer}")]
    private static partial void LogRsvp(ILogger logger, string occurrenceKey, RsvpAnswer answer);
}
