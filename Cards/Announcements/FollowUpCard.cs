using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Announcements;

/// <summary>未读提醒: the short follow-up a member gets, sent as a reply to the announcement it points back to.</summary>
public static class FollowUpCard
{
    /// <param name="sentAt">When the announcement was sent, as the member reads dates ("2026年12月2日（周三）09:00").</param>
    public static JsonObject Build(string title, string sentAt, UiLanguage language) => new AdaptiveCard
    {
        Lang = language.CardLang(),
        FallbackText = Summary(title, language),
        Body =
        [
            new TextBlock(language.Pick("未读提醒", "Reminder: unread announcement")) { Weight = TextWeight.Bolder },
            new TextBlock(language.Pick($"您还没有查看 {sentAt} 发布的公告：", $"You have not opened the announcement sent on {sentAt}:")) { Wrap = true },
            new TextBlock($"“{title}”") { Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(language.Pick("原公告就在这条提醒所回复的消息中，请抽空查看。", "The announcement is the message this reminder replies to; please take a moment to read it.")) { Wrap = true, IsSubtle = true },
        ],
    }.ToJson();

    public static string Summary(string title, UiLanguage language) => language.Pick($"未读提醒：{title}", $"Unread: {title}");
}
