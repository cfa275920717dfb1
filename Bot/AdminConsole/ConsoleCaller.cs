using OrganBot.Cards;

namespace OrganBot.Bot.AdminConsole;

/// <summary>The admin behind a console request, how they signed in, and the language their browser asked for.</summary>
internal sealed record ConsoleCaller(string AadObjectId, bool ViaCookie, UiLanguage Language)
{
    public const string ItemKey = "OrganBot.ConsoleCaller";

    public static ConsoleCaller Of(HttpContext context) => (ConsoleCaller)context.Items[ItemKey]!;

    /// <summary>English when the browser's first language is English; Chinese otherwise (the office's language).</summary>
    public static UiLanguage LanguageOf(HttpRequest request) =>
        request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? UiLanguage.English : UiLanguage.Chinese;
}
