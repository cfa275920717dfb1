using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Tests.Cards;

namespace OrganBot.Tests.Announcements;

public sealed class AnnouncementCardSamples : ICardSamples
{
    private static readonly (string, string)[] s_audiences = [("全体成员（单独发送）", "all"), ("所有团队的“常规”频道", "channels"), ("团队成员：机关党委", "team:19:abc@thread.tacv2"), ("分组：机关工会", "group:机关工会")];

    public IEnumerable<CardSample> Samples() =>
    [
        new("announcement-full", AnnouncementCard.Build("关于开展主题党日活动的通知", "请各支部于**12月4日**前报名。\n\n- 地点：机关三楼会议室", "https://example.org/banner.png",
            [("活动详情", "https://example.org/a"), ("报名表", "https://example.org/b"), ("联系人", "https://example.org/c")], UiLanguage.Chinese)),
        new("announcement-edited", AnnouncementCard.Build("通知", "时间调整为12月5日。", null, [], UiLanguage.Chinese, "（已于 2026年12月4日（周五）15:00 更正）")),
        new("announcement-recalled", AnnouncementCard.Recalled("关于开展主题党日活动的通知", UiLanguage.Chinese)),
        new("announcement-compose-zh", ComposeCard.Build(UiLanguage.Chinese, s_audiences)),
        new("announcement-compose-error-en", ComposeCard.Build(UiLanguage.English, s_audiences, new ComposeValues("T", "B", Links: [("x", "https://x")]), "Title and body cannot be empty.")),
        new("announcement-compose-edit", ComposeCard.Build(UiLanguage.Chinese, s_audiences, new ComposeValues("T", "B", AnnouncementId: 7, IsEditOfSent: true))),
        .. Enum.GetValues<ControlStage>().Select(stage => new CardSample($"announcement-control-{stage}",
            ControlCard.Build(new ControlModel(7, "关于开展主题党日活动的通知", "全体成员（单独发送）", stage, 1000, 600, 12, 388, 29.5, "2026年12月4日（周五）15:10", "备注"), UiLanguage.Chinese))),
    ];
}
