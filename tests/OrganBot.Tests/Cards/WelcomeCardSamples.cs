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
    ];
}
