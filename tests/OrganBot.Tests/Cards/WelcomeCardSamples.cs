using OrganBot.Cards;
using OrganBot.Cards.Welcome;

namespace OrganBot.Tests.Cards;

public sealed class WelcomeCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples() =>
    [
        new("welcome-zh-member", WelcomeCard.Build(UiLanguage.Chinese, isAdmin: false)),
        new("welcome-zh-admin", WelcomeCard.Build(UiLanguage.Chinese, isAdmin: true)),
        new("welcome-en-member", WelcomeCard.Build(UiLanguage.English, isAdmin: false)),
        new("welcome-en-admin", WelcomeCard.Build(UiLanguage.English, isAdmin: true)),
        new("welcome-zh-shared", WelcomeCard.BuildShared(UiLanguage.Chinese, "机关党建助手")),
        new("welcome-en-shared", WelcomeCard.BuildShared(UiLanguage.English, "OrganBot")),
        new("language-zh", LanguageCard.Build(UiLanguage.Chinese)),
        new("language-en-changed", LanguageCard.Build(UiLanguage.English, changed: true)),
    ];
}
