using OrganBot.Cards;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Cards;

namespace OrganBot.Tests.Reminders;

public sealed class ReminderCardSamples : ICardSamples
{
    private static ReminderCardView Member => new()
    {
        OccurrenceKey = "ab12cd34ef56:20261204",
        Title = "12月主题党日",
        Kind = "主题党日",
        TimeLine = "2026年12月4日（周五）15:00（北京时间）",
        MemberTimeLine = "2026年12月4日（周五）08:00（Europe/Berlin）",
        Location = "机关三楼会议室",
        Agenda = "重温入党誓词；专题党课",
        Quote = SpeechLinks.Find("theme-party-day")!.Quote,
        QuoteLabel = SpeechLinks.Find("theme-party-day")!.LabelChinese,
        CanMute = true,
        StartsIn = "3天后开始",
    };

    public IEnumerable<CardSample> Samples()
    {
        var form = new EventFormView
        {
            EventId = "ab12cd34ef56",
            Recurrence = "每月第一个周五 15:00",
            Errors = ["未知时区“Mars/Olympus”。请填写 IANA 时区名称，例如 Asia/Shanghai。"],
            AudienceChoices = [("全体成员", "all"), ("名单：支部委员", "group:支部委员")],
            SpeechChoices = [.. SpeechLinks.All.Select(l => (l.LabelChinese, l.Id))],
            OccurrenceChoices = [("2026年12月4日（周五）15:00（北京时间）", "2026-12-04")],
            Exceptions = ["2027年1月1日（周五） 取消"],
        };
        var summary = new EventSummaryView("ab12cd34ef56", "主题党日", "主题党日", "每月第一个周五 15:00", "北京时间", "全体成员", "3天前 09:00，1小时前",
            ["2026年12月4日（周五）15:00（北京时间）", "2027年1月1日（周五）15:00（北京时间）"], Paused: false, Mandatory: true, []);
        return
        [
            new("reminder-member-zh", ReminderCard.Build(Member, UiLanguage.Chinese)),
            new("reminder-member-en", ReminderCard.Build(Member, UiLanguage.English)),
            new("reminder-member-leave", ReminderCard.Build(Member with { Rsvp = RsvpState.Leave, LeaveReason = "出差", Notice = "已记录您的请假。" }, UiLanguage.Chinese)),
            new("reminder-member-closed", ReminderCard.Build(Member with { Rsvp = RsvpState.Attend, Closed = true }, UiLanguage.Chinese)),
            new("reminder-preview", ReminderCard.Build(Member with { Preview = true }, UiLanguage.Chinese)),
            new("reminder-admin-list", ReminderAdminCards.List([summary, summary with { Id = "x2", Paused = true, Exceptions = ["2027年1月1日（周五） 取消"] }], "已保存。", UiLanguage.Chinese)),
            new("reminder-admin-list-empty", ReminderAdminCards.List([], null, UiLanguage.English)),
            new("reminder-admin-new", ReminderAdminCards.Edit(form with { EventId = null, Errors = [] }, UiLanguage.Chinese)),
            new("reminder-admin-edit-errors", ReminderAdminCards.Edit(form, UiLanguage.Chinese)),
            new("reminder-admin-delete", ReminderAdminCards.ConfirmDelete("ab12cd34ef56", "主题党日", UiLanguage.Chinese)),
            new("reminder-admin-stats", ReminderAdminCards.Stats(new StatsView
            {
                EventId = "ab12cd34ef56", EventTitle = "主题党日", OccurrenceKey = "ab12cd34ef56:20261204", OccurrenceTime = "2026年12月4日（周五）15:00（北京时间）",
                OccurrenceChoices = [("2026年12月4日（周五）15:00（北京时间）", "ab12cd34ef56:20261204"), ("2027年1月1日（周五）15:00（北京时间）", "ab12cd34ef56:20270101")],
                Attending = [new("张三", "2026年12月1日（周二）09:05")], OnLeave = [new("李四", "出差")], NoAnswer = [new("王五", "已送达")], Failed = [new("赵六", "403 机器人已被移除或被屏蔽")],
            }, UiLanguage.Chinese)),
            new("reminder-admin-stats-picker", ReminderAdminCards.StatsPicker([("主题党日 · 2026年12月4日（周五）15:00（北京时间）", "ab12cd34ef56:20261204")], UiLanguage.Chinese)),
            new("reminder-admin-ledger-link", ReminderAdminCards.LedgerLink("主题党日", "2026年12月4日（周五）15:00（北京时间）", "https://organbot.example.test/api/admin/reminders/attendance?occurrence=ab12cd34ef56%3A20261204&token=abc", 10, UiLanguage.Chinese)),
            new("reminder-my", ReminderAdminCards.MyReminders([new("主题党日", "主题党日", "2026年12月4日（周五）15:00（北京时间）", "尚未答复", true)], [("党课", false), ("理论学习", true)], true, null, UiLanguage.Chinese)),
            new("reminder-my-channel", ReminderAdminCards.MyReminders([], [], false, null, UiLanguage.English)),
        ];
    }
}
