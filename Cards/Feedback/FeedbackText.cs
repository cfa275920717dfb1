namespace OrganBot.Cards.Feedback;

/// <summary>Limits and formats shared by the feedback cards and messages (the value labels are Dialogs' <c>FeedbackLabels</c>).</summary>
public static class FeedbackText
{
    public const int MaxContentLength = 2000;
    public const int MaxContactDetailLength = 100;
    public const int MaxCommentLength = 500;

    private static readonly string[] s_weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    /// <summary>
    /// 2026年12月4日（周五）15:00; "Fri 4 Dec 2026 15:00 (Beijing)" in English. In the offset the time carries: the store
    /// hands out tickets in the office's zone (Bot:TimeZone).
    /// </summary>
    public static string FormatTime(DateTimeOffset at, UiLanguage language)
    {
        var local = at;
        return language == UiLanguage.English
            ? local.ToString("ddd d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) + (at.Offset.TotalHours == 8 ? " (Beijing)" : $" (UTC{at:zzz})")
            : $"{local.Year}年{local.Month}月{local.Day}日（{s_weekdays[(int)local.DayOfWeek]}）{local:HH:mm}";
    }

    /// <summary>A short excerpt for lists.</summary>
    public static string Excerpt(string text, int length = 60)
    {
        var flat = text.ReplaceLineEndings(" ");
        return CardText.Plain(flat.Length <= length ? flat : flat[..length]) + (flat.Length <= length ? "" : "…");
    }
}
