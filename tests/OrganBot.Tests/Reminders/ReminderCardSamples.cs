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

    private static LeaveRequestView Request => new()
    {
        OccurrenceKey = "ab12cd34ef56:20261204", MemberId = "29:member-1", Version = "639000000000000000", MemberName = "张三",
        EventTitle = "主题党日", TimeLine = "2026年12月4日（周五）15:00（北京时间）", Reason = "当天出差",
    };

    private static MemberLedgerView Ledger => new()
    {
        From = "2026-01-01", To = "2026-12-31", Member = "29:member-1",
        MemberChoices = [("全体成员", "all"), ("张三", "29:member-1")],
        Lines = [new MemberLedgerLine("张三", 12, 9, 1, 1, 0, 2, 1)],
        Details = ["2026年1月2日（周五）15:00 · 主题党日：参加", "2026年2月6日（周五）15:00 · 主题党日：请假（已批准） — 出差"],
    };

    private static IReadOnlyList<MyReminderLine> MyLines(UiLanguage language) =>
    [
        new MyReminderLine("主题党日", language.Pick("主题党日", "Party theme day"), language.Pick("2026年12月4日（周五）15:00（北京时间）", "Fri 4 Dec 2026 15:00 (Beijing time)"), language.Pick("您已请假：出差（待审批）", "Leave: business trip (awaiting approval)"), true)
        {
            OccurrenceKey = "ab12cd34ef56:20261204", Rsvp = RsvpState.Leave, LeaveReason = "出差",
        },
        new MyReminderLine("党课", language.Pick("党课", "Party lecture"), language.Pick("2026年12月10日（周四）09:00（北京时间）", "Thu 10 Dec 2026 09:00 (Beijing time)"), language.Pick("尚未答复", "No answer yet"), false)
        {
            OccurrenceKey = "cd34ef56ab12:20261210",
        },
    ];

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
            new("reminder-my-rsvp-zh", ReminderAdminCards.MyReminders(MyLines(UiLanguage.Chinese), [("党课", false)], true, "已记录您的请假。", UiLanguage.Chinese)),
            new("reminder-my-rsvp-en", ReminderAdminCards.MyReminders(MyLines(UiLanguage.English), [("党课", false)], true, "Your leave is recorded.", UiLanguage.English)),
            new("reminder-preview-en", ReminderCard.Build(Member with { Preview = true, Kind = "Party theme day", TimeLine = "Fri 4 Dec 2026 15:00 (Beijing time)", MemberTimeLine = null }, UiLanguage.English)),
            new("reminder-member-leave-pending", ReminderCard.Build(Member with { Rsvp = RsvpState.Leave, LeaveReason = "出差", HasApprovers = true, Leave = LeaveStatus.Pending, Notice = "已记录您的请假，并已报审批人审批，结果会通知您。" }, UiLanguage.Chinese)),
            new("reminder-member-leave-rejected-en", ReminderCard.Build(Member with { Rsvp = RsvpState.Leave, LeaveReason = "business trip", HasApprovers = true, Leave = LeaveStatus.Rejected, ApprovalNote = "please attend" }, UiLanguage.English)),
            new("reminder-shared-zh", ReminderCard.Build(Member with { Shared = true, CanMute = false, MemberTimeLine = null, SharedTally = "已答复：参加 3 人 · 请假 1 人", Notice = "已记录 张三：参加。" }, UiLanguage.Chinese)),
            new("reminder-leave-request-zh", LeaveApprovalCard.Build(Request, UiLanguage.Chinese)),
            new("reminder-leave-request-en", LeaveApprovalCard.Build(Request with { EventTitle = "Party theme day", TimeLine = "Fri 4 Dec 2026 15:00 (Beijing time)" }, UiLanguage.English)),
            new("reminder-leave-approved-zh", LeaveApprovalCard.Build(Request with { State = LeaveStatus.Approved, DecidedBy = "支部书记", Note = "请会后自学会议材料" }, UiLanguage.Chinese)),
            new("reminder-leave-rejected-en", LeaveApprovalCard.Build(Request with { State = LeaveStatus.Rejected, DecidedBy = "Branch secretary", Note = "Please attend." }, UiLanguage.English)),
            new("reminder-admin-late-zh", ReminderAdminCards.LateReminder(new LateReminderView("ab12cd34ef56", "主题党日", "ab12cd34ef56:20261204", "2026年12月4日（周五）15:00（北京时间）", "2026年12月1日（周二）09:00（北京时间）", "2026年12月4日（周五）14:00（北京时间）"), null, UiLanguage.Chinese)),
            new("reminder-admin-late-en", ReminderAdminCards.LateReminder(new LateReminderView("ab12cd34ef56", "Party theme day", "ab12cd34ef56:20261204", "Fri 4 Dec 2026 15:00 (Beijing time)", "Tue 1 Dec 2026 09:00 (Beijing time)", null), null, UiLanguage.English)),
            new("reminder-admin-new-en", ReminderAdminCards.Edit(form with
            {
                EventId = null, Errors = [], Recurrence = "first Friday of every month 15:00", Leads = "3 days before 09:00, 1 hour before", AudienceChoices = [("All members", "all"), ("List: 支部委员", "group:支部委员")],
                TimeZoneChoices = [("Beijing time", "Asia/Shanghai"), ("Coordinated Universal Time (UTC)", "UTC")], ApproverChoices = [("List: 支部委员", "group:支部委员"), ("张三", "user:aaaaaaaa-0000-0000-0000-000000000001")],
            }, UiLanguage.English)),
            new("reminder-admin-edit-approvers", ReminderAdminCards.Edit(form with
            {
                Errors = [], TimeZone = "Europe/Paris", TimeZoneChoices = [("北京时间", "Asia/Shanghai")], Approvers = "group:支部委员", ApproverChoices = [("名单：支部委员", "group:支部委员")],
            }, UiLanguage.Chinese)),
            new("reminder-admin-list-en", ReminderAdminCards.List([summary with { Kind = "Party theme day", Recurrence = "first Friday of every month 15:00", Zone = "Beijing time", Audience = "All members", Leads = "3 days before 09:00, 1 hour before", NextOccurrences = ["Fri 4 Dec 2026 15:00 (Beijing time)", "Fri 1 Jan 2027 15:00 (Beijing time)"] }], "Saved.", UiLanguage.English)),
            new("reminder-admin-stats-approvers", ReminderAdminCards.Stats(new StatsView
            {
                EventId = "ab12cd34ef56", EventTitle = "主题党日", OccurrenceKey = "ab12cd34ef56:20261204", OccurrenceTime = "2026年12月4日（周五）15:00（北京时间）", HasApprovers = true, NoAnswerIsAbsent = true,
                Attending = [new("张三", "2026年12月1日（周二）09:05")], LeaveApproved = [new("李四", "出差（审批意见：请会后自学）")], LeaveRejected = [new("王五", "家中有事")], NoAnswer = [new("赵六", "已送达")],
            }, UiLanguage.Chinese)),
            new("reminder-admin-member-ledger-zh", ReminderAdminCards.MemberLedger(Ledger, UiLanguage.Chinese)),
            new("reminder-admin-member-ledger-en", ReminderAdminCards.MemberLedger(Ledger with { MemberChoices = [("All members", "all"), ("张三", "29:member-1")], Error = "Please choose a valid member." }, UiLanguage.English)),
            new("reminder-admin-member-ledger-link", ReminderAdminCards.LedgerLink("全体成员", "2026-01-01 至 2026-12-31", "https://organbot.example.test/api/admin/downloads/member-ledger/all%7C20260101%7C20261231?token=abc", 10, UiLanguage.Chinese, perMember: true)),
        ];
    }
}
