using OrganBot.Cards;

namespace OrganBot.Dialogs.Reminders;

/// <summary>Messages shared by the reminder actions.</summary>
internal static class ReminderTexts
{
    public static string DescribeException(OccurrenceException x, UiLanguage language) => x.Action == ExceptionAction.Skip
        ? language.Pick($"{ChineseDates.FormatDate(x.OriginalDate)} 取消", $"{ChineseDates.FormatDate(x.OriginalDate, language)} skipped")
        : language.Pick($"{ChineseDates.FormatDate(x.OriginalDate)} 改至 {ChineseDates.Format(x.NewLocalStart!.Value)}", $"{ChineseDates.FormatDate(x.OriginalDate, language)} moved to {ChineseDates.Format(x.NewLocalStart!.Value, language)}");

    public static string NotAdmin(UiLanguage language) => language.Pick("抱歉，提醒管理和出勤统计仅对管理员开放。", "Sorry, reminder management and attendance are for administrators only.");

    public static string Gone(UiLanguage language) => language.Pick("该活动已不存在，可能已被删除。", "This event no longer exists; it may have been deleted.");
}
