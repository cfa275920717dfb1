using OrganBot.Cards;

namespace OrganBot.Dialogs.Feedback;

/// <summary>What each feedback value is called in either language, and the codes card data and the database use.</summary>
public static class FeedbackLabels
{
    public static string Label(this FeedbackCategory category, UiLanguage language) => category switch
    {
        FeedbackCategory.Political => language.Pick("政治激励", "Political encouragement"),
        FeedbackCategory.Work => language.Pick("工作支持", "Work support"),
        FeedbackCategory.Psychological => language.Pick("心理关怀", "Psychological care"),
        FeedbackCategory.Life => language.Pick("生活帮扶", "Help with daily life"),
        FeedbackCategory.Suggestion => language.Pick("意见建议", "Suggestion"),
        _ => language.Pick("其他", "Other"),
    };

    public static string Label(this FeedbackStatus status, UiLanguage language) => status switch
    {
        FeedbackStatus.New => language.Pick("待受理", "Awaiting acceptance"),
        FeedbackStatus.Accepted => language.Pick("已受理", "Accepted"),
        FeedbackStatus.Routed => language.Pick("已转办", "Referred"),
        _ => language.Pick("已办结", "Resolved"),
    };

    public static string Label(this HandlingUnit unit, UiLanguage language) => unit switch
    {
        HandlingUnit.PartyCommittee => language.Pick("机关党委（作风类）", "Party committee (conduct)"),
        _ => language.Pick("机关工会、妇联（民生类）", "Trade union / women's federation (livelihood)"),
    };

    public static string Label(this SatisfactionRating rating, UiLanguage language) => rating switch
    {
        SatisfactionRating.Satisfied => language.Pick("满意", "Satisfied"),
        SatisfactionRating.BasicallySatisfied => language.Pick("基本满意", "Mostly satisfied"),
        _ => language.Pick("不满意", "Dissatisfied"),
    };

    public static string Label(this ContactPreference contact, UiLanguage language) => contact switch
    {
        ContactPreference.TeamsChat => language.Pick("Teams 聊天联系我", "Contact me in a Teams chat"),
        ContactPreference.Phone => language.Pick("电话联系我", "Call me"),
        ContactPreference.InPerson => language.Pick("当面沟通", "Talk to me in person"),
        _ => language.Pick("无需另行联系，机器人回复即可", "No contact needed; reply through the bot"),
    };

    /// <summary>Code used in card data and the database: the enum name in lower case.</summary>
    public static string Code<T>(this T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>Parses a code written by <see cref="Code{T}"/>; null for anything else (tampered data).</summary>
    public static T? ParseCode<T>(string? code) where T : struct, Enum =>
        code is { Length: > 0 } && !char.IsDigit(code[0]) && Enum.TryParse<T>(code, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
}
