using OrganBot.Cards;
using OrganBot.Cards.AdminConsole;
using OrganBot.Tests.Cards;

namespace OrganBot.Tests.AdminConsole;

/// <summary>The 管理后台 link card, in both languages, for the card schema, parser and size checks.</summary>
public sealed class ConsoleCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples() =>
    [
        new("console-link-zh", ConsoleLinkCard.Build("https://organbot.example.gov.cn/console/signin?token=abc", 10, UiLanguage.Chinese)),
        new("console-link-en", ConsoleLinkCard.Build("https://organbot.example.gov.cn/console/signin?token=abc", 10, UiLanguage.English)),
    ];
}
