using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Cards.Welcome;
using OrganBot.Dialogs.AdminConsole;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Feedback;
using OrganBot.Dialogs.Knowledge;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Tests.Cards;

/// <summary>Issue 13's admin screens: 管理 and 公告列表, in both languages.</summary>
public sealed class AdminCardSamples : ICardSamples
{
    private static readonly CommandCatalog s_catalog = new(
    [
        ReminderCommands.Feature, FeedbackCommands.Feature, AnnouncementCommands.Feature, KnowledgeCommands.Feature,
        LanguageCommands.Feature, ConsoleCommands.Feature,
    ]);

    public IEnumerable<CardSample> Samples() =>
    [
        new("admin-menu-zh", AdminMenuCard.Build(UiLanguage.Chinese, AdminMenu.Groups(s_catalog, UiLanguage.Chinese))),
        new("admin-menu-en", AdminMenuCard.Build(UiLanguage.English, AdminMenu.Groups(s_catalog, UiLanguage.English))),
        new("announcement-list-zh", AnnouncementListCard.Build(UiLanguage.Chinese,
        [
            new(12, "关于开展12月主题党日活动的通知", "状态：已发送（送达 118 / 失败 2 / 待发送 0），已读 96 / 未读或未知 22", CanExport: true),
            new(13, "关于报送年度述职材料的通知", "状态：草稿", CanExport: false),
        ])),
        new("announcement-list-en", AnnouncementListCard.Build(UiLanguage.English,
        [
            new(12, "关于开展12月主题党日活动的通知", "Status: sent (delivered 118 / failed 2 / waiting 0), read 96 / unread or unknown 22", CanExport: true),
        ])),
        new("announcement-list-zh-empty", AnnouncementListCard.Build(UiLanguage.Chinese, [])),
    ];
}
