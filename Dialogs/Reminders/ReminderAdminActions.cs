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
            e.Id, e.Title, e.Kind, e.Recurrence.Text, ChineseDates.ZoneLabel(e.TimeZoneId, language),
            ReminderViews.AudienceTitle(e.Audience, choices, language), LeadTime.FormatList(e.LeadTimes),
            [.. OccurrencePlanner.Next(e, holidays, cron, now, 3).Select(o => ReminderViews.TimeLine(o, e, language) + (ReminderViews.ChangeNote(o, language) is { } note ? " " + note : ""))],
            e.Paused, e.Mandatory, [.. e.Exceptions.Select(x => ReminderTexts.DescribeException(x, language))])).ToList();
        return ReminderAdminCards.List(views, notice, language);
    }

    public async Task NewAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        await turn.ReplaceCardAsync(ReminderAdminCards.Edit(await NewFormAsync(cancellationToken), turn.Input.Language), cancellationToken);

    private async Task<EventFormView> NewFormAsync(CancellationToken cancellationToken) => new()
    {
        TimeZone = office.ZoneId,
        AudienceChoices = await AudienceChoicesAsync(cancellationToken),
        SpeechChoices = SpeechChoices(),
        SpeechLinkId = SpeechLinks.All[0].Id,
        Recurrence = "每月第一个周五 15:00",
        Title = "主题党日",
    };

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
            Recurrence = ev.Recurrence.Text,
            TimeZone = ev.TimeZoneId,
            Location = ev.Location,
            Agenda = ev.Agenda,
            Audience = ev.Audience.ChoiceValue,
            Leads = LeadTime.FormatList(ev.LeadTimes),
            SpeechLinkId = ev.SpeechLinkId ?? "",
            ShiftOnHolidays = ev.ShiftOnHolidays,
            Mandatory = ev.Mandatory,
            Errors = errors,
            AudienceChoices = await AudienceChoicesAsync(cancellationToken),
            SpeechChoices = SpeechChoices(),
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
        var zoneId = string.IsNullOrWhiteSpace(input.Data("timeZone")) ? office.ZoneId : input.Data("timeZone")!.Trim();
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

        var target = Audience.FromChoiceValue(audienceValue);
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
                AudienceChoices = [.. choices.Select(c => (c.Title, c.Audience.ChoiceValue))],
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

    public async Task PreviewAsync(ITurnContext turn, CancellationToken cancellationToken)
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
        await turn.SendAsync(OutgoingMessage.FromCard(ReminderCard.Build(view, language)), cancellationToken);
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

    private async Task<IReadOnlyList<(string Title, string Value)>> AudienceChoicesAsync(CancellationToken cancellationToken) =>
        [.. (await audience.ListChoicesAsync(cancellationToken)).Select(c => (c.Title, c.Audience.ChoiceValue))];

    private static IReadOnlyList<(string Title, string Value)> SpeechChoices() =>
        [.. SpeechLinks.All.Select(l => (l.LabelChinese + "：" + (l.Quote.Length > 24 ? l.Quote[..24] + "…" : l.Quote), l.Id))];

    [LoggerMessage(EventId = 6502, Level = LogLevel.Information, Message = "Reminder event {EventId} saved by {AadObjectId}")]
    private static partial void LogSaved(ILogger logger, string eventId, string? aadObjectId);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Information, Message = "Reminder event {EventId} deleted by {AadObjectId}")]
    private static partial void LogDeleted(ILogger logger, string eventId, string? aadObjectId);
}
