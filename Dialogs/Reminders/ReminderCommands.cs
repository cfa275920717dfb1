using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Reminders;

/// <summary>The reminder feature's commands, declared once: the router, help, the welcome card and the manifest read them.</summary>
public static class ReminderCommands
{
    public static readonly CommandDeclaration Admin = new(
        "remind.admin", CommandGroup.Reminders, ["提醒管理", "reminders"],
        "设置主题党日等活动提醒", "Set up Theme Party Day and other event reminders")
    { AdminOnly = true };

    public static readonly CommandDeclaration Stats = new(
        "remind.stats", CommandGroup.Reminders, ["出勤统计", "attendance"],
        "查看活动的报名与出勤统计", "See sign-ups and attendance of events")
    { AdminOnly = true };

    public static readonly CommandDeclaration Ledger = new(
        "remind.ledger", CommandGroup.Reminders, ["成员台账", "attendance record"],
        "查看或导出每位成员一段时间内的出勤台账", "See or export each member's attendance over a date range")
    { AdminOnly = true };

    public static readonly CommandDeclaration Mine = new(
        "remind.mine", CommandGroup.Reminders, ["我的提醒", "my reminders"],
        "查看即将开展的主题党日等活动", "See upcoming Theme Party Days and other events")
    {
        Manifest = new("我的提醒", "查看即将开展的主题党日等活动", CommandScopes.Everywhere),
        WelcomeButton = ("我的提醒", "My reminders"),
    };

    public static readonly FeatureDeclaration Feature = new("reminders", "remind.", [Admin, Stats, Ledger, Mine]);
}
