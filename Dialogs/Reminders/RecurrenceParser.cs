using System.Globalization;
using System.Text.RegularExpressions;
using OrganBot.Cards;

namespace OrganBot.Dialogs.Reminders;

/// <summary>What went wrong with an admin's input, in both languages, ready for the card.</summary>
public sealed record InputError(string Chinese, string English)
{
    public string In(UiLanguage language) => language.Pick(Chinese, English);
}

/// <summary>Reads the recurrence presets an admin types on the 提醒管理 card.</summary>
public static partial class RecurrenceParser
{
    public const string Examples = "每月第一个周五 15:00、每月 15 日 09:30、每周三 15:00、2026-12-04 15:00、cron: 0 0 15 ? * FRI#1";

    public const string EnglishExamples = "first Friday of every month 15:00, day 15 of every month 09:30, every Wednesday 15:00, 2026-12-04 15:00";

    public static (Recurrence? Value, InputError? Error) Parse(string? text, ICronEvaluator cron)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return (null, new InputError("请填写重复规则，例如：" + Examples + "。", "Please enter a recurrence, e.g. " + EnglishExamples + "."));
        }

        if (English(normalized) is { } english) return (english, null);

        if (CronPrefix().Match(normalized) is { Success: true } cronMatch)
        {
            var expression = cronMatch.Groups[1].Value.Trim();
            return cron.Validate(expression) is null
                ? (new CronRecurrence(expression), null)
                : (null, new InputError($"cron 表达式“{expression}”无效。请使用 Quartz 格式（秒 分 时 日 月 周），例如 0 0 15 ? * FRI#1。",
                    $"The cron expression \"{expression}\" is invalid. Use Quartz format (sec min hour day month weekday), e.g. 0 0 15 ? * FRI#1."));
        }

        if (MonthlyNth().Match(normalized) is { Success: true } nth && Time(nth.Groups["time"].Value) is { } nthTime)
        {
            var n = nth.Groups["last"].Success ? -1 : ChineseNumbers.Parse(nth.Groups["n"].Value) ?? 0;
            if (n is -1 or (>= 1 and <= 4) && Weekday(nth.Groups["d"].Value) is { } day) return (new MonthlyNthWeekday(n, day, nthTime), null);
            if (n is 5) return (null, new InputError("不是每个月都有第五个星期几，请改用“每月最后一个周X”。", "Not every month has a fifth weekday; use \"每月最后一个周X\" (last) instead."));
        }

        if (MonthlyDayPattern().Match(normalized) is { Success: true } monthly && Time(monthly.Groups["time"].Value) is { } monthlyTime)
        {
            var dayOfMonth = ChineseNumbers.Parse(monthly.Groups["n"].Value);
            if (dayOfMonth is >= 1 and <= 31) return (new MonthlyDay(dayOfMonth.Value, monthlyTime), null);
            return (null, new InputError("每月的日期应在 1 到 31 之间。", "The day of the month must be between 1 and 31."));
        }

        if (WeeklyPattern().Match(normalized) is { Success: true } weekly && Time(weekly.Groups["time"].Value) is { } weeklyTime
            && Weekday(weekly.Groups["d"].Value) is { } weekday)
        {
            return (new Weekly(weekday, weeklyTime), null);
        }

        if (OneOffPattern().Match(normalized) is { Success: true } once && Time(once.Groups["time"].Value) is { } onceTime)
        {
            if (int.TryParse(once.Groups["y"].Value, CultureInfo.InvariantCulture, out var y)
                && int.TryParse(once.Groups["m"].Value, CultureInfo.InvariantCulture, out var m)
                && int.TryParse(once.Groups["d"].Value, CultureInfo.InvariantCulture, out var d)
                && y is >= 2000 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            {
                return (new OneOff(new DateOnly(y, m, d).ToDateTime(onceTime)), null);
            }

            return (null, new InputError($"日期“{normalized}”不存在，请检查年月日。", $"The date \"{normalized}\" does not exist; please check it."));
        }

        return (null, new InputError($"无法识别重复规则“{normalized}”。请使用以下格式之一：{Examples}。",
            $"I could not read the recurrence \"{normalized}\". Use one of: {EnglishExamples}."));
    }

    /// <summary>The English forms the English form shows: "first Friday of every month 15:00", "every Wednesday 15:00", "day 15 of every month 09:30".</summary>
    private static Recurrence? English(string text)
    {
        if (EnglishNth().Match(text) is { Success: true } nth && Time(nth.Groups["time"].Value) is { } nthTime
            && Enum.TryParse<DayOfWeek>(nth.Groups["d"].Value, ignoreCase: true, out var nthDay))
        {
            var n = Array.IndexOf(Recurrence.EnglishOrdinals, nth.Groups["n"].Value.ToLowerInvariant());
            return new MonthlyNthWeekday(nth.Groups["n"].Value.Equals("last", StringComparison.OrdinalIgnoreCase) ? -1 : n, nthDay, nthTime);
        }

        if (EnglishWeekly().Match(text) is { Success: true } weekly && Time(weekly.Groups["time"].Value) is { } weeklyTime
            && Enum.TryParse<DayOfWeek>(weekly.Groups["d"].Value, ignoreCase: true, out var weekDay))
        {
            return new Weekly(weekDay, weeklyTime);
        }

        if (EnglishMonthly().Match(text) is { Success: true } monthly && Time(monthly.Groups["time"].Value) is { } monthlyTime
            && int.TryParse(monthly.Groups["n"].Value, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31)
        {
            return new MonthlyDay(day, monthlyTime);
        }

        return null;
    }

    [GeneratedRegex(@"^(?:the\s+)?(?<n>first|second|third|fourth|last)\s+(?<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+of\s+(?:every|each)\s+month\s+(?:at\s+)?(?<time>\d{1,2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishNth();

    [GeneratedRegex(@"^(?:every|each)\s+(?<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:at\s+)?(?<time>\d{1,2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWeekly();

    [GeneratedRegex(@"^day\s+(?<n>\d{1,2})\s+of\s+(?:every|each)\s+month\s+(?:at\s+)?(?<time>\d{1,2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishMonthly();

    private static string Normalize(string? text)
    {
        var s = (text ?? "").Trim().Replace('：', ':').Replace('　', ' ').Replace("星期", "周").Replace("礼拜", "周");
        return Spaces().Replace(s, " ");
    }

    private static TimeOnly? Time(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var h) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var m)
            && h is >= 0 and <= 23 && m is >= 0 and <= 59
            ? new TimeOnly(h, m)
            : null;
    }

    private static DayOfWeek? Weekday(string text) => text switch
    {
        "一" or "1" => DayOfWeek.Monday,
        "二" or "2" => DayOfWeek.Tuesday,
        "三" or "3" => DayOfWeek.Wednesday,
        "四" or "4" => DayOfWeek.Thursday,
        "五" or "5" => DayOfWeek.Friday,
        "六" or "6" => DayOfWeek.Saturday,
        "日" or "天" or "七" or "7" => DayOfWeek.Sunday,
        _ => null,
    };

    [GeneratedRegex(@"^cron\s*[:：]?\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CronPrefix();

    [GeneratedRegex(@"^每(?:个)?月\s*(?:第\s*(?<n>[一二三四五1-5])\s*个|(?<last>最后\s*一?\s*个))\s*周(?<d>[一二三四五六日天1-7])\s*(?<time>\d{1,2}:\d{2})$")]
    private static partial Regex MonthlyNth();

    [GeneratedRegex(@"^每(?:个)?月\s*(?<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]\s*(?<time>\d{1,2}:\d{2})$")]
    private static partial Regex MonthlyDayPattern();

    [GeneratedRegex(@"^每周\s*(?<d>[一二三四五六日天1-7])\s*(?<time>\d{1,2}:\d{2})$")]
    private static partial Regex WeeklyPattern();

    [GeneratedRegex(@"^(?:一次(?:性)?\s*)?(?<y>\d{4})\s*[-/年.]\s*(?<m>\d{1,2})\s*[-/月.]\s*(?<d>\d{1,2})\s*日?\s*(?<time>\d{1,2}:\d{2})$")]
    private static partial Regex OneOffPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
