using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrganBot.Cards;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Reminders;

/// <summary>提醒管理 for admins: the event list, new / edit / save, pause, delete, preview and skip / move one occurrence.</summary>
public sealed partial class ReminderAdminActions(
    IReminderStore store,
    IAudienceDirectory audience,
    IReminderScheduler scheduler,
    ReminderDispatcher dispatcher,
    LeaveApprovals approvals,
    ICronEvaluator cron,
    IOptionsMonitor<ReminderOptions> options,
    OfficeClock office,
    TimeProvider time,
    ILogger<ReminderAdminActions> logger)
{
    /// <summary>The 提醒管理 card: every event with its next occurrences, and an optional notice on top.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject> ListCardAsync(string? notice, UiLanguage language, CancellationToken cancellationToken)
    {
        var events = await store.ListEventsAsync(cancellationToken);
        var choices = await audience.ListChoicesAsync(cancellationToken);
        var holidays = options.CurrentValue.HolidayDates();
        var now = time.GetUtcNow();
        var views = events.Select(e => new EventSummaryView(
            e.Id, e.Title, ReminderKinds.Label(e.Kind, language), e.Recurrence.TextIn(language), ChineseDates.ZoneLabel(e.TimeZoneId, language),
            ReminderViews.AudienceTitle(e.Audience, choices, language), LeadTime.FormatList(e.LeadTimes, language),
            [.. OccurrencePlanner.Next(e, holidays, cron, now, 3).Select(o => ReminderViews.TimeLine(o, e, language) + (ReminderViews.ChangeNote(o, language) is { } note ? " " + note : ""))],
            e.Paused, e.Mandatory, [.. e.Exceptions.Select(x => ReminderTexts.DescribeException(x, language))])).ToList();
        return ReminderAdminCards.List(views, notice, language);
    }

    public async Task NewAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        await turn.ReplaceCardAsync(ReminderAdminCards.Edit(await NewFormAsync(turn.Input.Language, cancellationToken), turn.Input.Language), cancellationToken);

    private async Task<EventFormView> NewFormAsync(UiLanguage language, CancellationToken cancellationToken) => new()
    {
        TimeZone = office.ZoneId,
        TimeZoneChoices = TimeZoneChoices(language),
        AudienceChoices = await AudienceChoicesAsync(language, cancellationToken),
        ApproverChoices = await approvals.ChoicesAsync(language, cancellationToken),
        SpeechChoices = SpeechChoices(language),
        SpeechLinkId = SpeechLinks.All[0].Id,
        Recurrence = new MonthlyNthWeekday(1, DayOfWeek.Friday, new TimeOnly(15, 0)).TextIn(language),
        Leads = LeadTime.FormatList(LeadTime.Defaults, language),
        Title = language.Pick("主题党日", "Party theme day"),
    };

    /// <summary>Time zones by everyday name; any other IANA zone can still be typed in the "other" field.</summary>
    private static IReadOnlyList<(string Title, string Value)> TimeZoneChoices(UiLanguage language) =>
    [
        (language.Pick("北京时间", "Beijing time"), TimeZones.Beijing),
        (language.Pick("香港时间", "Hong Kong time"), "Asia/Hong_Kong"),
        (language.Pick("东京时间", "Tokyo time"), "Asia/Tokyo"),
        (language.Pick("柏林 / 巴黎时间", "Berlin / Paris time"), "Europe/Berlin"),
        (language.Pick("伦敦时间", "London time"), "Europe/London"),
        (language.Pick("纽约时间", "New York time"), "America/New_York"),
        (language.Pick("协调世界时（UTC）", "Coordinated Universal Time (UTC)"), "UTC"),
    ];

    public async Task EditAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var ev = await store.FindEventAsync(turn.Input.Data("eventId") ?? "", cancellationToken);
        if (ev is null)
        {
            await turn.ReplaceCardAsync(await ListCardAsync(ReminderTexts.Gone(turn.Input.Language), turn.Input.Language, cancellationToken), cancellationToken);
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
            Recurrence = ev.Recurrence.TextIn(language),
            TimeZone = ev.TimeZoneId,
            TimeZoneChoices = TimeZoneChoices(language),
            Location = ev.Location,
            Agenda = ev.Agenda,
            Audience = ev.Audience.ChoiceValue,
            Leads = LeadTime.FormatList(ev.LeadTimes, language),
            SpeechLinkId = ev.SpeechLinkId ?? "",
            ShiftOnHolidays = ev.ShiftOnHolidays,
            Mandatory = ev.Mandatory,
            Approvers = string.Join(",", ev.Approvers),
            ApproverChoices = await approvals.ChoicesAsync(language, cancellationToken),
            Errors = errors,
            AudienceChoices = await AudienceChoicesAsync(language, cancellationToken),
            SpeechChoices = SpeechChoices(language),
            OccurrenceChoices = [.. OccurrencePlanner.Next(ev, holidays, cron, now, 8).Select(o => (ReminderViews.TimeLine(o, ev, language), o.OriginalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))],
            Exceptions = [.. ev.Exceptions.Select(x => ReminderTexts.DescribeException(x, language))],
        };
    }

    public async Task SaveAsync(ITurnContext turn, CancellationToken cancellationToken)
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
                await turn.ReplaceCardAsync(await ListCardAsync(ReminderTexts.Gone(language), language, cancellationToken), cancellationToken);
                return;
            }
        }

        var errors = new List<string>();
        var title = (input.Data("title") ?? "").Trim();
        var kind = (input.Data("kind") ?? "").Trim();
        var recurrenceText = input.Data("recurrence");
        // "Other time zone" (advanced, any IANA id) wins over the list of common zones.
        var otherZone = (input.Data("timeZoneOther") ?? "").Trim();
        var zoneId = otherZone.Length > 0 ? otherZone : string.IsNullOrWhiteSpace(input.Data("timeZone")) ? office.ZoneId : input.Data("timeZone")!.Trim();
        var location = (input.Data("location") ?? "").Trim();
        var agenda = (input.Data("agenda") ?? "").Trim();
        var audienceValue = input.Data("audience");
        var leadsText = input.Data("leads");
        var speechLinkId = (input.Data("speechLink") ?? "").Trim();
        var shift = input.Data("shiftHolidays") == "true";
        var mandatory = input.Data("mandatory") == "true";
        var approverValue = input.Data("approvers");
        var approverList = await approvals.ParseAsync(approverValue, cancellationToken);

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

        var target = Audience.FromChoiceValue(audienceValue);
        var choices = await audience.ListChoicesAsync(cancellationToken);
        if (target is null || (target.Kind != AudienceKind.AllMembers && choices.All(c => c.Audience != target)))
        {
            errors.Add(language.Pick("请选择有效的提醒对象。", "Please choose a valid audience."));
        }

        if (speechLinkId.Length > 0 && SpeechLinks.Find(speechLinkId) is null) errors.Add(language.Pick("请选择有效的讲话要求。", "Please choose a valid speech passage."));
        if (approverList is null) errors.Add(language.Pick("请选择有效的请假审批人（名单或已知成员，最多 10 项）。", "Please choose valid leave approvers (a list or a known member, at most 10)."));

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
                CreatedAt = existing is null ? now : existing.CreatedAt,
                Approvers = approverList!,
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
                Title = title, Kind = kind, Recurrence = recurrenceText ?? "", TimeZone = zoneId, OtherTimeZone = otherZone, Location = location, Agenda = agenda,
                Audience = audienceValue ?? "all", Leads = leadsText ?? "", SpeechLinkId = speechLinkId, ShiftOnHolidays = shift, Mandatory = mandatory,
                Approvers = approverValue ?? "",
                Errors = errors,
                TimeZoneChoices = TimeZoneChoices(language),
                AudienceChoices = [.. choices.Select(c => (ReminderViews.AudienceTitle(c.Audience, choices, language), c.Audience.ChoiceValue))],
                ApproverChoices = await approvals.ChoicesAsync(language, cancellationToken),
                SpeechChoices = SpeechChoices(language),
            };
            await turn.ReplaceCardAsync(ReminderAdminCards.Edit(form, language), cancellationToken);
            return;
        }

        await SaveAndScheduleAsync(ev!, cancellationToken);
        LogSaved(logger, ev!.Id, input.User.AadObjectId);
        var next = OccurrencePlanner.Next(ev, options.CurrentValue.HolidayDates(), cron, now, 1)[0];
        if (await LateReminderAsync(ev, next, now, language, cancellationToken) is { } late)
        {
            await turn.ReplaceCardAsync(ReminderAdminCards.LateReminder(late, null, language), cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(await ListCardAsync(language.Pick($"已保存“{ev.Title}”，下一次：{ReminderViews.TimeLine(next, ev, language)}。", $"Saved \"{ev.Title}\". Next: {ReminderViews.TimeLine(next, ev, language)}."), language, cancellationToken), cancellationToken);
    }

    /// <summary>Stores the event and (re)schedules its wake-up.</summary>
    public async Task SaveAndScheduleAsync(ReminderEvent ev, CancellationToken cancellationToken)
    {
        await store.SaveEventAsync(ev, cancellationToken);
        await scheduler.ScheduleAsync(ev.Id, dispatcher.NextWakeUp(ev), cancellationToken);
    }

    public async Task PauseAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var ev = await store.FindEventAsync(turn.Input.Data("eventId") ?? "", cancellationToken);
        if (ev is null)
        {
            await turn.ReplaceCardAsync(await ListCardAsync(ReminderTexts.Gone(language), language, cancellationToken), cancellationToken);
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

    public async Task DeleteAsync(ITurnContext turn, bool confirmed, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var ev = await store.FindEventAsync(turn.Input.Data("eventId") ?? "", cancellationToken);
        if (ev is null)
        {
            await turn.ReplaceCardAsync(await ListCardAsync(ReminderTexts.Gone(language), language, cancellationToken), cancellationToken);
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

    /// <summary>
    /// 预览: the next occurrence's card as members get it, its buttons marked 预览. Pressing one of them
    /// (<paramref name="pressed"/>) records nothing: the preview comes back saying so.
    /// </summary>
    public async Task PreviewAsync(ITurnContext turn, CancellationToken cancellationToken, bool pressed = false)
    {
        var language = turn.Input.Language;
        var ev = await store.FindEventAsync(turn.Input.Data("eventId") ?? "", cancellationToken);
        var now = time.GetUtcNow();
        var next = ev is null ? null : OccurrencePlanner.First(ev, options.CurrentValue.HolidayDates(), cron, now);
        if (ev is null || next is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(ev is null ? ReminderTexts.Gone(language) : language.Pick("该活动今后没有安排，无法预览。", "This event has no upcoming occurrence to preview.")), cancellationToken);
            return;
        }

        var view = ReminderViews.Card(ev, next, null, turn.Input.TimeZone, personal: true, now, language) with { Preview = true };
        if (!pressed)
        {
            await turn.SendAsync(OutgoingMessage.FromCard(ReminderCard.Build(view, language)), cancellationToken);
            return;
        }

        view = view with { Notice = language.Pick("这是预览，按钮不会记录答复。成员收到的提醒上，同样的按钮会记录“参加”或“请假”。", "This is a preview: nothing was recorded. On the members' reminder the same buttons record Attend or leave.") };
        await turn.ReplaceCardAsync(ReminderCard.Build(view, language), cancellationToken);
    }

    public async Task ExceptionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var language = input.Language;
        var ev = await store.FindEventAsync(input.Data("eventId") ?? "", cancellationToken);
        if (ev is null)
        {
            await turn.ReplaceCardAsync(await ListCardAsync(ReminderTexts.Gone(language), language, cancellationToken), cancellationToken);
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
            : ReminderTexts.DescribeException(change, language) + language.Pick("，已保存。", " saved.");
        await turn.ReplaceCardAsync(await ListCardAsync(notice, language, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The occurrence's earliest reminder, when its time has passed and nothing was sent for it yet (a new event, or an edit
    /// that moved the time); null when every reminder is still ahead.
    /// </summary>
    private async Task<LateReminderView?> LateReminderAsync(ReminderEvent ev, Occurrence next, DateTimeOffset now, UiLanguage language, CancellationToken cancellationToken)
    {
        var fires = ev.LeadTimes.Select(l => (Lead: l, At: l.FireTime(next.LocalStart, ev.Zone))).Where(x => x.At < next.StartUtc).OrderBy(x => x.At).ToList();
        var missed = fires.Where(x => x.At <= now).ToList();
        if (missed.Count == 0) return null;
        var done = await store.GetDispatchKeysAsync(ev.Id, [next.Key], cancellationToken);
        if (missed.Any(x => done.Contains($"{next.Key}:{x.Lead.Key}"))) return null;
        var upcoming = fires.FirstOrDefault(x => x.At > now);
        string Local(DateTimeOffset at) => ReminderViews.WithZone(ChineseDates.Format(TimeZones.ToLocal(at, ev.Zone), language), ChineseDates.ZoneLabel(ev.TimeZoneId, language), language);
        return new LateReminderView(ev.Id, ev.Title, next.Key, ReminderViews.TimeLine(next, ev, language), Local(missed[0].At), upcoming.Lead is null ? null : Local(upcoming.At));
    }

    /// <summary>现在发送: the missed reminder goes out now (once, however often it is pressed), if the occurrence has not started.</summary>
    public async Task SendNowAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var (ev, occurrence) = await ResolveLateAsync(turn, cancellationToken);
        if (ev is null || occurrence is null) return;
        var sent = await dispatcher.SendMissedNowAsync(ev, occurrence, cancellationToken);
        LogSentNow(logger, occurrence.Key, sent);
        var notice = sent is null
            ? language.Pick("这次提醒已经发送过，没有重复发送。", "This reminder was already sent; it was not sent again.")
            : language.Pick($"已开始发送提醒（{sent} 位接收者），可在“出勤统计”中查看送达情况。", $"Sending the reminder to {sent} recipient(s); see Attendance for delivery.");
        await turn.ReplaceCardAsync(await ListCardAsync(notice, language, cancellationToken), cancellationToken);
    }

    /// <summary>跳过这一次: nothing is sent for the missed time; later reminders go out as planned.</summary>
    public async Task SkipLateAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var (ev, occurrence) = await ResolveLateAsync(turn, cancellationToken);
        if (ev is null || occurrence is null) return;
        await turn.ReplaceCardAsync(await ListCardAsync(language.Pick($"已跳过“{ev.Title}”错过的这次提醒，之后的提醒照常发送。", $"Skipped the missed reminder of \"{ev.Title}\"; later reminders go out as planned."), language, cancellationToken), cancellationToken);
    }

    private async Task<(ReminderEvent? Event, Occurrence? Occurrence)> ResolveLateAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var ev = await store.FindEventAsync(turn.Input.Data("eventId") ?? "", cancellationToken);
        var occurrence = ev is not null && OccurrenceKeys.TryParse(turn.Input.Data("occurrence"), out var eventId, out var date) && eventId == ev.Id
            ? OccurrencePlanner.Find(ev, date, options.CurrentValue.HolidayDates(), cron)
            : null;
        if (ev is null || occurrence is null)
        {
            await turn.ReplaceCardAsync(await ListCardAsync(ReminderTexts.Gone(language), language, cancellationToken), cancellationToken);
            return (null, null);
        }

        if (occurrence.StartUtc <= time.GetUtcNow())
        {
            await turn.ReplaceCardAsync(await ListCardAsync(language.Pick("这次活动已经开始，不再发送提醒。", "This occurrence has started; no reminder is sent."), language, cancellationToken), cancellationToken);
            return (null, null);
        }

        return (ev, occurrence);
    }

    private async Task<IReadOnlyList<(string Title, string Value)>> AudienceChoicesAsync(UiLanguage language, CancellationToken cancellationToken)
    {
        var choices = await audience.ListChoicesAsync(cancellationToken);
        return [.. choices.Select(c => (ReminderViews.AudienceTitle(c.Audience, choices, language), c.Audience.ChoiceValue))];
    }

    private static IReadOnlyList<(string Title, string Value)> SpeechChoices(UiLanguage language) =>
        [.. SpeechLinks.All.Select(l => (language.Pick(l.LabelChinese, l.LabelEnglish) + language.Pick("：", ": ") + (l.Quote.Length > 24 ? l.Quote[..24] + "…" : l.Quote), l.Id))];

    [LoggerMessage(EventId = 6510, Level = LogLevel.Information, Message = "Missed first reminder of {OccurrenceKey} sent now by an admin: {Recipients} recipient(s) (null: already sent)")]
    private static partial void LogSentNow(ILogger logger, string occurrenceKey, int? recipients);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Information, Message = "Reminder event {EventId} saved by {AadObjectId}")]
    private static partial void LogSaved(ILogger logger, string eventId, string? aadObjectId);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Information, Message = "Reminder event {EventId} deleted by {AadObjectId}")]
    private static partial void LogDeleted(ILogger logger, string eventId, string? aadObjectId);
}
