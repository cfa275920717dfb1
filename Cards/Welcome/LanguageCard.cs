using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Welcome;

/// <summary>语言/language: the member's language and the two buttons to choose one.</summary>
public static class LanguageCard
{
    public const string Prefix = "lang.";
    public const string SetVerb = "lang.set";
    public const string LanguageKey = "lang";

    /// <param name="current">The language the card is written in, which is the member's current one.</param>
    /// <param name="changed">True right after the member chose it: the card confirms instead of asking.</param>
    public static JsonObject Build(UiLanguage current, bool changed = false)
    {
        var en = current == UiLanguage.English;
        return new AdaptiveCard
        {
            Lang = current.CardLang(),
            FallbackText = en ? "Language: English." : "语言：中文。",
            Body =
            [
                new TextBlock(en ? "Language" : "语言设置") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
                new TextBlock(changed
                    ? en ? "Done. I'll answer you in English." : "已设置。我会用中文回复您。"
                    : en ? "I answer in English now." : "当前使用中文回复。"),
                new TextBlock(en
                    ? "I always answer in the language you write in; your choice counts for buttons, short messages and reminders. Quotations from the speech stay in Chinese."
                    : "您用哪种语言提问，我就用哪种语言回答；这里的设置用于按钮、简短消息和提醒。讲话原文始终为中文。") { IsSubtle = true },
            ],
            Actions =
            [
                Choice("中文", UiLanguage.Chinese, current),
                Choice("English", UiLanguage.English, current),
            ],
        }.ToJson();
    }

    private static ExecuteAction Choice(string title, UiLanguage language, UiLanguage current) =>
        new(SetVerb)
        {
            Title = title,
            Style = language == current ? ActionStyle.Positive : ActionStyle.Default,
            Data = new Dictionary<string, string> { [LanguageKey] = language.CardLang() },
        };
}
