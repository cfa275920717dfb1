namespace OrganBot.Cards;

/// <summary>The language the bot answers in: Simplified Chinese by default, English for an English Teams locale.</summary>
public enum UiLanguage { Chinese, English }

public static class UiLanguageExtensions
{
    public static UiLanguage FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? UiLanguage.English : UiLanguage.Chinese;

    /// <summary>Chooses the text for this language; keeps both versions side by side at the call site.</summary>
    public static string Pick(this UiLanguage language, string chinese, string english) =>
        language == UiLanguage.English ? english : chinese;

    /// <summary>
    /// The card's <c>lang</c>: a bare ISO 639 code ("zh", "en"). The official renderer rejects region tags such as
    /// "zh-CN" with a parse event, so the region is left out.
    /// </summary>
    public static string CardLang(this UiLanguage language) => language == UiLanguage.English ? "en" : "zh";
}
