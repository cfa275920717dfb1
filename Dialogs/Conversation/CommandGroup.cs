using OrganBot.Cards;

namespace OrganBot.Dialogs.Conversation;

/// <summary>Where a command is listed in help and on the admin card: 通用 / 提醒 / 反馈 / 公告 / 问答.</summary>
public enum CommandGroup { General, Reminders, Feedback, Announcements, Knowledge }

public static class CommandGroupLabels
{
    public static string Label(this CommandGroup group, UiLanguage language) => group switch
    {
        CommandGroup.Reminders => language.Pick("提醒", "Reminders"),
        CommandGroup.Feedback => language.Pick("反馈", "Feedback"),
        CommandGroup.Announcements => language.Pick("公告", "Announcements"),
        CommandGroup.Knowledge => language.Pick("问答", "Q&A"),
        _ => language.Pick("通用", "General"),
    };
}
