using OrganBot.Cards;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// How a group chat is named on cards: the name Teams gave it, otherwise the people the bot knows there (Teams sends no
/// name for a chat nobody named). Never the chat's id, which means nothing to an admin.
/// </summary>
public static class GroupChatTitle
{
    /// <summary>Members named before "等 N 人" / "and N more".</summary>
    public const int ShownMembers = 3;

    public static string Format(string? name, IReadOnlyList<string> people, UiLanguage language)
    {
        if (!string.IsNullOrWhiteSpace(name)) return language.Pick("群聊：", "Group chat: ") + name;
        if (people.Count == 0) return language.Pick("群聊（成员未知）", "Group chat (members unknown)");
        var shown = string.Join(language.Pick("、", ", "), people.Take(ShownMembers));
        var more = people.Count > ShownMembers ? language.Pick($"等 {people.Count} 人", $" and {people.Count - ShownMembers} more") : "";
        return language.Pick($"群聊（{shown}{more}）", $"Group chat ({shown}{more})");
    }
}
