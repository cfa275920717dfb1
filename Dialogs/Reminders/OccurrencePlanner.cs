using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Reminders;

/// <summary>A lead time applied to one occurrence.</summary>
public sealed record PlannedReminder(Occurrence Occurrence, LeadTime Lead, DateTimeOffset FireUtc)
{
    public string DispatchKey => $"{Occurrence.Key}:{Lead.Key}";
}

/// <summary>
/// Expands an event into concrete occurrences: the recurrence, then the admin's skip/move exceptions, then the
/// holiday shift (to the next working day: not a Saturday, Sunday or configured holiday), all in the event's time zone.
/// </summary>
public static class OccurrencePlanner
{
    private const int MaxExpansion = 5000;

    /// <summary>Occurrences starting in [fromUtc, untilUtc), ascending.</summary>
    public static IReadOnlyList<Occurrence> Between(ReminderEvent ev, IReadOnlySet<DateOnly> holidays, ICronEvaluator cron, DateTimeOffset fromUtc, DateTimeOffset untilUtc)
    {
        var zone = ev.Zone;
        // Start early and stop late: a moved or shifted occurrence can land inside the window from outside it.
        var firstDate = DateOnly.FromDateTime(TimeZones.ToLocal(fromUtc, zone)).AddDays(-62);
        var lastLocal = TimeZones.ToLocal(untilUtc, zone).AddDays(62);
        var result = new List<Occurrence>();
        var count = 0;
        foreach (var baseStart in ev.Recurrence.LocalStartsFrom(firstDate, zone, cron))
        {
            if (baseStart > lastLocal || ++count > MaxExpansion) break;
            var occurrence = Apply(ev, baseStart, holidays, zone);
            if (occurrence is not null && occurrence.StartUtc >= fromUtc && occurrence.StartUtc < untilUtc) result.Add(occurrence);
        }

        foreach (var moved in ev.Exceptions.Where(e => e.Action == ExceptionAction.Move && e.NewLocalStart is not null))
        {
            // A move whose original date lies outside the expansion window still counts inside it.
            if (result.Any(o => o.OriginalDate == moved.OriginalDate)) continue;
            var start = TimeZones.ToUtc(moved.NewLocalStart!.Value, zone);
            if (start >= fromUtc && start < untilUtc && IsBaseDate(ev, moved.OriginalDate, zone, cron))
            {
                result.Add(new Occurrence(ev.Id, moved.OriginalDate, moved.NewLocalStart.Value, start, OccurrenceChange.Moved));
            }
        }

        result.Sort((a, b) => a.StartUtc.CompareTo(b.StartUtc));
        return result;
    }

    /// <summary>The next <paramref name="count"/> occurrences starting at or after <paramref name="fromUtc"/> (looks two years ahead).</summary>
    public static IReadOnlyList<Occurrence> Next(ReminderEvent ev, IReadOnlySet<DateOnly> holidays, ICronEvaluator cron, DateTimeOffset fromUtc, int count) =>
        [.. Between(ev, holidays, cron, fromUtc, fromUtc.AddYears(2)).Take(count)];

    public static Occurrence? First(ReminderEvent ev, IReadOnlySet<DateOnly> holidays, ICronEvaluator cron, DateTimeOffset fromUtc) =>
        Next(ev, holidays, cron, fromUtc, 1) is [var first, ..] ? first : null;

    /// <summary>The occurrence whose original (unmoved) date is <paramref name="originalDate"/>, if the event has one and it is not skipped.</summary>
    public static Occurrence? Find(ReminderEvent ev, DateOnly originalDate, IReadOnlySet<DateOnly> holidays, ICronEvaluator cron)
    {
        var zone = ev.Zone;
        foreach (var baseStart in ev.Recurrence.LocalStartsFrom(originalDate, zone, cron))
        {
            if (DateOnly.FromDateTime(baseStart) != originalDate) return null;
            return Apply(ev, baseStart, holidays, zone);
        }

        return null;
    }

    public static bool IsBaseDate(ReminderEvent ev, DateOnly date, TimeZoneInfo zone, ICronEvaluator cron) =>
        ev.Recurrence.LocalStartsFrom(date, zone, cron).Take(1).Any(s => DateOnly.FromDateTime(s) == date);

    /// <summary>The reminders of an occurrence that fire before it starts and not before the event was planned.</summary>
    public static IEnumerable<PlannedReminder> Reminders(ReminderEvent ev, Occurrence occurrence) =>
        ev.LeadTimes
            .Select(lead => new PlannedReminder(occurrence, lead, lead.FireTime(occurrence.LocalStart, ev.Zone)))
            .Where(r => r.FireUtc < occurrence.StartUtc && r.FireUtc >= ev.PlannedFrom)
            .OrderBy(r => r.FireUtc);

    public static TimeSpan LongestLead(ReminderEvent ev) =>
        ev.LeadTimes.Select(l => l switch
        {
            DaysBeforeAt d => TimeSpan.FromDays(d.Days + 1),
            SpanBefore s => s.Span,
            _ => TimeSpan.Zero,
        }).DefaultIfEmpty(TimeSpan.Zero).Max();

    public static DateOnly NextWorkingDay(DateOnly date, IReadOnlySet<DateOnly> holidays)
    {
        while (holidays.Contains(date) || date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        return date;
    }

    private static Occurrence? Apply(ReminderEvent ev, DateTime baseStart, IReadOnlySet<DateOnly> holidays, TimeZoneInfo zone)
    {
        var originalDate = DateOnly.FromDateTime(baseStart);
        var exception = ev.Exceptions.FirstOrDefault(e => e.OriginalDate == originalDate);
        if (exception?.Action == ExceptionAction.Skip) return null;
        if (exception is { Action: ExceptionAction.Move, NewLocalStart: { } moved })
        {
            return new Occurrence(ev.Id, originalDate, moved, TimeZones.ToUtc(moved, zone), OccurrenceChange.Moved);
        }

        if (ev.ShiftOnHolidays && holidays.Contains(originalDate))
        {
            var shifted = NextWorkingDay(originalDate, holidays).ToDateTime(TimeOnly.FromDateTime(baseStart));
            return new Occurrence(ev.Id, originalDate, shifted, TimeZones.ToUtc(shifted, zone), OccurrenceChange.HolidayShifted);
        }

        return new Occurrence(ev.Id, originalDate, baseStart, TimeZones.ToUtc(baseStart, zone), OccurrenceChange.None);
    }
}
