namespace OrganBot.Cards.Reminders;

/// <summary>The kinds of event an admin picks (stored in Chinese; members mute by kind) and their English names.</summary>
public static class ReminderKinds
{
    public static IReadOnlyList<string> All { get; } = ["主题党日", "统一见面日", "人大机关开放日", "党课", "理论学习", "其他活动"];

    private static readonly Dictionary<string, string> s_english = new(StringComparer.Ordinal)
    {
        ["主题党日"] = "Party theme day",
        ["统一见面日"] = "Open meeting day",
        ["人大机关开放日"] = "Congress office open day",
        ["党课"] = "Party lecture",
        ["理论学习"] = "Theory study",
        ["其他活动"] = "Other event",
    };

    /// <summary>The kind as shown: Chinese as stored, or its English name (an unknown kind stays as stored).</summary>
    public static string Label(string kind, UiLanguage language) =>
        language == UiLanguage.English && s_english.TryGetValue(kind, out var english) ? english : kind;
}
