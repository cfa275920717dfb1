using OrganBot.Cards.Welcome;

namespace OrganBot.Dialogs.Conversation;

/// <summary>语言/language, declared once: show the choice, or set Chinese or English at once.</summary>
public static class LanguageCommands
{
    public static readonly CommandDeclaration Show = new(
        "language.show", CommandGroup.General, ["语言", "language", "切换语言", "语言设置"],
        "查看或切换我回复您时使用的语言", "See or change the language I reply in");

    public static readonly CommandDeclaration Chinese = new(
        "language.chinese", CommandGroup.General, ["中文", "chinese", "语言 中文", "language chinese"],
        "用中文回复我", "Reply to me in Chinese");

    public static readonly CommandDeclaration English = new(
        "language.english", CommandGroup.General, ["英文", "english", "语言 英文", "language english"],
        "用英文回复我", "Reply to me in English");

    public static readonly FeatureDeclaration Feature = new("language", LanguageCard.Prefix, [Show, Chinese, English]);
}
