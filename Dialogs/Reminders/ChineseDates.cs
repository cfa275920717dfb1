using System.Globalization;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Reminders;

/// <summary>Date and time formats of the house style: <c>2026年12月4日（周五）15:00</c>.</summary>
public static class ChineseDates
{
    private static readonly string[] s_weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public static string WeekdayName(DayOfWeek day) => s_weekdays[(int)day];

    public static string Format(DateTime local, UiLanguage language = UiLanguage.Chinese) => language == UiLanguage.English
        ? local.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)
        : $"{local.Year}年{local.Month}月{local.Day}日（{WeekdayName(local.DayOfWeek)}）{local:HH:mm}";

    public static string FormatDate(DateOnly date, UiLanguage language = UiLanguage.Chinese) => language == UiLanguage.English
        ? date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)
        : $"{date.Year}年{date.Month}月{date.Day}日（{WeekdayName(date.DayOfWeek)}）";

    /// <summary>"北京时间" for Asia/Shanghai, otherwise the zone id.</summary>
    public static string ZoneLabel(string zoneId, UiLanguage language) =>
        TimeZones.IsBeijing(zoneId) ? language.Pick("北京时间", "Beijing time") : zoneId;
}

internal static class ChineseNumbers
{
    private static readonly string[] s_digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static string Ordinal(int n) => n is >= 0 and <= 10 ? s_digits[n] : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads 1..31 written as digits or as Chinese numerals (一, 十五, 二十一, 三十一).</summary>
    public static int? Parse(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        if (text.Length == 0) return null;
        var index = text.IndexOf('十');
        if (index < 0) return text.Length == 1 ? Digit(text[0]) : null;
        var tens = index == 0 ? 1 : text.Length > 0 && index == 1 ? Digit(text[0]) : null;
        var units = index == text.Length - 1 ? 0 : index == text.Length - 2 ? Digit(text[^1]) : null;
        return tens is null || units is null ? null : (tens * 10) + units;
    }

    private static int? Digit(char c)
    {
        var i = Array.IndexOf(s_digits, c.ToString());
        return i is >= 1 and <= 9 ? i : c == '两' ? 2 : null;
    }
}
