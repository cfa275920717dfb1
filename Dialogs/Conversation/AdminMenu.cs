using OrganBot.Cards;
using OrganBot.Cards.Welcome;
using OrganBot.Dialogs.AdminConsole;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Knowledge;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// What the 管理 card lists: every admin command, grouped 提醒 / 反馈 / 公告 / 问答. A test presses every button and
/// checks a feature answers it, so a renamed command cannot leave a dead button here.
/// </summary>
public static class AdminMenu
{
    public static IReadOnlyList<AdminMenuGroup> Groups(UiLanguage language)
    {
        var en = language == UiLanguage.English;
        AdminMenuCommand C(string chinese, string english, string command) => new(en ? english : chinese, command);
        return
        [
            new(en ? "Reminders" : "提醒",
            [
                C("提醒管理", "Event reminders", ReminderFeature.AdminCommand),
                C("出勤统计", "Attendance", ReminderFeature.StatsCommand),
            ]),
            new(en ? "Feedback" : "反馈",
            [
                C("反馈列表", "Feedback list", "反馈列表"),
                C("导出反馈", "Export feedback", "导出反馈"),
                C("设为反馈处理频道", "Feedback channel", "设为反馈处理频道"),
            ]),
            new(en ? "Announcements" : "公告",
            [
                C("发布公告", "New announcement", AnnouncementsFeature.ComposeCommand),
                C("公告列表", "Announcements", AnnouncementsFeature.ListCommand),
                C("导出发送结果", "Export results", AnnouncementsFeature.ExportCommand),
            ]),
            new(en ? "Q&A" : "问答",
            [
                C("问答统计", "Q&A stats", KnowledgeFeature.StatsCommand),
                C("问答待办", "Q&A to-do", KnowledgeFeature.QueueCommand),
            ]),
            new(en ? "Console" : "后台",
            [
                C("管理后台", "Admin console", ConsoleFeature.Command),
            ]),
        ];
    }
}
