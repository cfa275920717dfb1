using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Cards.Reminders;
using OrganBot.Tests.Cards;

namespace OrganBot.Tests.ReadReceipts;

/// <summary>Cards with read receipts: the admin's control card with counts and follow-up buttons, the member's 未读提醒, 出勤统计 reactions.</summary>
public sealed class ReadReceiptCardSamples : ICardSamples
{
    private static readonly ReadView s_reads = new(700, 300, 5, TimeSpan.FromHours(24), FollowUpPlanned: true, FollowUpsAllowed: true);

    public IEnumerable<CardSample> Samples() =>
    [
        .. new[] { ControlStage.Preview, ControlStage.Sending, ControlStage.Completed, ControlStage.Recalled }.SelectMany(stage => new[] { UiLanguage.Chinese, UiLanguage.English }.Select(language =>
            new CardSample($"readreceipts-control-{stage}-{language}",
                ControlCard.Build(new ControlModel(7, "关于开展主题党日活动的通知", "全体成员（单独发送）", stage, 705, 705, 0, 0, Reads: s_reads), language)))),
        new("readreceipts-control-channels-only", ControlCard.Build(new ControlModel(8, "通知", "所有团队的“常规”频道", ControlStage.Completed, 3, 3, Reads: new ReadView(0, 0, 3, TimeSpan.FromHours(24), false, true)), UiLanguage.Chinese)),
        new("readreceipts-followup-zh", FollowUpCard.Build("关于开展主题党日活动的通知", "2026年12月2日（周三）09:00", UiLanguage.Chinese)),
        new("readreceipts-followup-en", FollowUpCard.Build("Notice", "2026-12-02 (Wed) 09:00", UiLanguage.English)),
        new("readreceipts-stats-reactions", ReminderAdminCards.Stats(new StatsView
        {
            EventId = "e1",
            EventTitle = "主题党日",
            OccurrenceKey = "e1:2026-12-04",
            OccurrenceTime = "2026年12月4日（周五）15:00（北京时间）",
            Reactions = new ReactionsView(12, 20, 8),
        }, UiLanguage.Chinese)),
    ];
}
