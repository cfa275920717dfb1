using System.Globalization;
using System.Text.RegularExpressions;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Reminders;

/// <summary>When to remind before an occurrence: "3天前 09:00" (a wall-clock time N days before) or "1小时前" (a span before the start).</summary>
public abstract partial record LeadTime
{
    /// <summary>Stable id used in delivery dedup keys and dispatch records.</summary>
    public abstract string Key { get; }

    public abstract string Text { get; }

    /// <summary>The instant this lead fires for an occurrence starting at <paramref name="localStart"/> in <paramref name="zone"/>.</summary>
    public abstract DateTimeOffset FireTime(DateTime localStart, TimeZoneInfo zone);

    public abstract string Describe(UiLanguage language);

    public static IReadOnlyList<LeadTime> Defaults { get; } = [new DaysBeforeAt(3, new TimeOnly(9, 0)), new SpanBefore(TimeSpan.FromHours(1))];

    public static string FormatList(IEnumerable<LeadTime> leads) => string.Join("，", leads.Select(l => l.Text));

    /// <summary>The list as the form shows it; the English form ("3 days before 09:00, 1 hour before") is read back too.</summary>
    public static string FormatList(IEnumerable<LeadTime> leads, UiLanguage language) =>
        language == UiLanguage.English ? string.Join(", ", leads.Select(l => l.EnglishText)) : FormatList(leads);

    /// <summary>The lead in the English form's words.</summary>
    public abstract string EnglishText { get; }

    /// <summary>Reads a list such as "3天前 09:00，1小时前"; empty input gives the defaults.</summary>
    public static (IReadOnlyList<LeadTime>? Value, InputError? Error) ParseList(string? text)
    {
        var items = (text ?? "").Replace('：', ':').Split([',', '，', ';', '；', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0) return (Defaults, null);
        var leads = new List<LeadTime>();
        foreach (var item in items)
        {
            var lead = ParseOne(item);
            if (lead is null)
            {
                return (null, new InputError($"提前提醒“{item}”无法识别。请写成“3天前 09:00”或“1小时前”“30分钟前”（可提前 5 分钟至 30 天），多项用逗号分隔。",
                    $"The lead time \"{item}\" is not recognised. Write \"3天前 09:00\" or \"1小时前\" / \"30分钟前\" (5 minutes to 30 days ahead), separated by commas."));
            }

            if (leads.All(l => l.Key != lead.Key)) leads.Add(lead);
        }

        return leads.Count > 5
            ? (null, new InputError("提前提醒最多设置 5 项。", "At most 5 lead times."))
            : (leads, null);
    }

    private static LeadTime? ParseOne(string text)
    {
        if (EnglishPattern().Match(text.Trim()) is { Success: true } english && int.TryParse(english.Groups["n"].Value, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            var unit = english.Groups["u"].Value.ToLowerInvariant().TrimEnd('s');
            if (unit == "day" && english.Groups["at"].Success)
            {
                return TimeOnly.TryParseExact(english.Groups["at"].Value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && count <= 30
                    ? new DaysBeforeAt(count, at)
                    : null;
            }

            var length = unit switch { "minute" or "min" => TimeSpan.FromMinutes(count), "hour" or "h" => TimeSpan.FromHours(count), _ => TimeSpan.FromDays(count) };
            return length <= TimeSpan.FromDays(30) && length >= TimeSpan.FromMinutes(5) ? new SpanBefore(length) : null;
        }

        text = text.Replace(" ", "");
        if (DaysPattern().Match(text) is { Success: true } days
            && int.TryParse(days.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 30
            && int.TryParse(days.Groups["h"].Value, CultureInfo.InvariantCulture, out var h) && h is >= 0 and <= 23
            && int.TryParse(days.Groups["m"].Value, CultureInfo.InvariantCulture, out var m) && m is >= 0 and <= 59)
        {
            return new DaysBeforeAt(n, new TimeOnly(h, m));
        }

        if (SpanPattern().Match(text) is { Success: true } span && int.TryParse(span.Groups["n"].Value, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            var value = span.Groups["u"].Value switch
            {
                "分钟" or "分" => TimeSpan.FromMinutes(amount),
                "小时" or "个小时" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return value <= TimeSpan.FromDays(30) && value >= TimeSpan.FromMinutes(5) ? new SpanBefore(value) : null;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*(?<u>days?|hours?|h|minutes?|mins?)\s+before(?:\s+(?:at\s+)?(?<at>\d{1,2}:\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishPattern();

    [GeneratedRegex(@"^(?:提前)?(?<n>\d{1,2})天前?(?<h>\d{1,2}):(?<m>\d{2})$")]
    private static partial Regex DaysPattern();

    [GeneratedRegex(@"^(?:提前)?(?<n>\d{1,4})(?<u>分钟|分|个小时|小时|天)前?$")]
    private static partial Regex SpanPattern();
}

public sealed record DaysBeforeAt(int Days, TimeOnly At) : LeadTime
{
    public override string Key => $"d{Days}at{At:HHmm}";

    public override string Text => $"{Days}天前 {At:HH:mm}";

    public override string EnglishText => $"{Days} {(Days == 1 ? "day" : "days")} before {At:HH:mm}";

    public override DateTimeOffset FireTime(DateTime localStart, TimeZoneInfo zone) =>
        TimeZones.ToUtc(DateOnly.FromDateTime(localStart).AddDays(-Days).ToDateTime(At), zone);

    public override string Describe(UiLanguage language) => language.Pick($"提前{Days}天（{At:HH:mm}）", $"{Days} day(s) before at {At:HH:mm}");
}

public sealed record SpanBefore(TimeSpan Span) : LeadTime
{
    public override string Key => $"m{(int)Span.TotalMinutes}";

    public override string Text => Span.TotalMinutes % 60 != 0 ? $"{(int)Span.TotalMinutes}分钟前"
        : Span.TotalHours % 24 != 0 || Span.TotalHours < 24 ? $"{(int)Span.TotalHours}小时前" : $"{(int)Span.TotalDays}天前";

    public override string EnglishText => Span.TotalMinutes % 60 != 0 ? $"{(int)Span.TotalMinutes} minutes before"
        : Span.TotalHours % 24 != 0 || Span.TotalHours < 24 ? $"{(int)Span.TotalHours} {((int)Span.TotalHours == 1 ? "hour" : "hours")} before" : $"{(int)Span.TotalDays} {((int)Span.TotalDays == 1 ? "day" : "days")} before";

    public override DateTimeOffset FireTime(DateTime localStart, TimeZoneInfo zone) => TimeZones.ToUtc(localStart, zone) - Span;

    public override string Describe(UiLanguage language) => language.Pick("提前" + Text.TrimEnd('前'), Span.TotalMinutes % 60 != 0 ? $"{(int)Span.TotalMinutes} min before" : $"{(int)Span.TotalHours} h before");
}
