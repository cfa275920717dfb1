using System.Globalization;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Reminders;

/// <summary>
/// When an event happens, as wall-clock times in the event's own time zone. Presets expand here;
/// a cron expression is expanded by the <see cref="ICronEvaluator"/> port (Quartz's cron dialect).
/// </summary>
public abstract record Recurrence
{
    /// <summary>The canonical text, which <see cref="RecurrenceParser"/> reads back to an equal value.</summary>
    public abstract string Text { get; }

    /// <summary>The same rule in English, which <see cref="RecurrenceParser"/> also reads back (the English form shows it).</summary>
    public abstract string EnglishText { get; }

    /// <summary>The rule as the form shows it: Chinese, or English for an English member.</summary>
    public string TextIn(Cards.UiLanguage language) => language == Cards.UiLanguage.English ? EnglishText : Text;

    public virtual bool IsOneOff => false;

    /// <summary>Local start times on or after <paramref name="fromLocalDate"/>, ascending, without end for repeating rules.</summary>
    public abstract IEnumerable<DateTime> LocalStartsFrom(DateOnly fromLocalDate, TimeZoneInfo zone, ICronEvaluator cron);

    internal static string Hm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    internal static readonly string[] EnglishOrdinals = ["", "first", "second", "third", "fourth"];
}

/// <summary>每月第N个周X HH:mm; <see cref="Nth"/> is 1..4, or -1 for the last one (每月最后一个周五).</summary>
public sealed record MonthlyNthWeekday(int Nth, DayOfWeek Day, TimeOnly Time) : Recurrence
{
    public override string Text => $"每月{(Nth == -1 ? "最后一个" : $"第{ChineseNumbers.Ordinal(Nth)}个")}{ChineseDates.WeekdayName(Day)} {Hm(Time)}";

    public override string EnglishText => $"{(Nth == -1 ? "last" : EnglishOrdinals[Nth])} {Day} of every month {Hm(Time)}";

    public override IEnumerable<DateTime> LocalStartsFrom(DateOnly fromLocalDate, TimeZoneInfo zone, ICronEvaluator cron)
    {
        for (var month = new DateOnly(fromLocalDate.Year, fromLocalDate.Month, 1); ; month = month.AddMonths(1))
        {
            var date = Nth == -1 ? LastInMonth(month, Day) : NthInMonth(month, Day, Nth);
            if (date >= fromLocalDate) yield return date.ToDateTime(Time);
        }
    }

    internal static DateOnly NthInMonth(DateOnly firstOfMonth, DayOfWeek day, int nth)
    {
        var offset = ((int)day - (int)firstOfMonth.DayOfWeek + 7) % 7;
        return firstOfMonth.AddDays(offset + (7 * (nth - 1)));
    }

    internal static DateOnly LastInMonth(DateOnly firstOfMonth, DayOfWeek day)
    {
        var last = firstOfMonth.AddMonths(1).AddDays(-1);
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }
}

/// <summary>每月 N 日 HH:mm. A day the month does not have (31 in April) falls on the month's last day.</summary>
public sealed record MonthlyDay(int Day, TimeOnly Time) : Recurrence
{
    public override string Text => $"每月 {Day} 日 {Hm(Time)}";

    public override string EnglishText => $"day {Day} of every month {Hm(Time)}";

    public override IEnumerable<DateTime> LocalStartsFrom(DateOnly fromLocalDate, TimeZoneInfo zone, ICronEvaluator cron)
    {
        for (var month = new DateOnly(fromLocalDate.Year, fromLocalDate.Month, 1); ; month = month.AddMonths(1))
        {
            var date = new DateOnly(month.Year, month.Month, Math.Min(Day, DateTime.DaysInMonth(month.Year, month.Month)));
            if (date >= fromLocalDate) yield return date.ToDateTime(Time);
        }
    }
}

/// <summary>每周X HH:mm.</summary>
public sealed record Weekly(DayOfWeek Day, TimeOnly Time) : Recurrence
{
    public override string Text => $"每{ChineseDates.WeekdayName(Day)} {Hm(Time)}";

    public override string EnglishText => $"every {Day} {Hm(Time)}";

    public override IEnumerable<DateTime> LocalStartsFrom(DateOnly fromLocalDate, TimeZoneInfo zone, ICronEvaluator cron)
    {
        var date = fromLocalDate.AddDays(((int)Day - (int)fromLocalDate.DayOfWeek + 7) % 7);
        for (; ; date = date.AddDays(7)) yield return date.ToDateTime(Time);
    }
}

/// <summary>A one-off event: 2026-12-04 15:00.</summary>
public sealed record OneOff(DateTime LocalStart) : Recurrence
{
    public override string Text => LocalStart.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public override string EnglishText => Text;

    public override bool IsOneOff => true;

    public override IEnumerable<DateTime> LocalStartsFrom(DateOnly fromLocalDate, TimeZoneInfo zone, ICronEvaluator cron) =>
        DateOnly.FromDateTime(LocalStart) >= fromLocalDate ? [LocalStart] : [];
}

/// <summary>Anything else, as a Quartz cron expression (seconds first): <c>cron: 0 0 15 ? * FRI#1</c>.</summary>
public sealed record CronRecurrence(string Expression) : Recurrence
{
    public override string Text => "cron: " + Expression;

    public override string EnglishText => Text;

    public override IEnumerable<DateTime> LocalStartsFrom(DateOnly fromLocalDate, TimeZoneInfo zone, ICronEvaluator cron)
    {
        var cursor = TimeZones.ToUtc(fromLocalDate.ToDateTime(TimeOnly.MinValue), zone).AddTicks(-1);
        while (cron.NextAfter(Expression, cursor, zone) is { } next)
        {
            yield return TimeZones.ToLocal(next, zone);
            cursor = next;
        }
    }
}

/// <summary>Evaluates cron expressions (implemented with Quartz in the host, so Dialogs stays free of it).</summary>
public interface ICronEvaluator
{
    /// <summary>Null when valid; otherwise why not (for logs; the card shows its own message).</summary>
    string? Validate(string expression);

    /// <summary>The first fire time strictly after <paramref name="afterUtc"/>, or null when there is none.</summary>
    DateTimeOffset? NextAfter(string expression, DateTimeOffset afterUtc, TimeZoneInfo zone);
}
