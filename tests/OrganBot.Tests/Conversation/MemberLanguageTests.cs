using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrganBot.Cards.Answers;
using OrganBot.Cards.Welcome;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Conversation;

/// <summary>Issue 13: the bot answers in the language the member writes in, not the client's locale; 语言/language sets it.</summary>
public sealed partial class MemberLanguageTests : BotTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChineseText_InEnglishClient_GetsChineseWelcome()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "你好", locale: "en-US"), Ct);

        var card = Assert.Single(await Connector.WaitForSendsAsync(1)).Card.Readable();
        Assert.Contains("欢迎使用机关党建助手", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Welcome to OrganBot", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishText_InChineseClient_GetsEnglishAnswer()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "What does the speech say about the warm-heart project?", locale: "zh-CN"), Ct);

        var card = Assert.Single(await Connector.WaitForSendsAsync(1)).Card.Readable();
        Assert.Contains("Read the original", card, StringComparison.Ordinal);
        Assert.DoesNotContain("查看原文", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmbiguousText_FallsBackToLastLanguage_ThenChinese()
    {
        // A fresh member's "?" is Chinese even from an English client.
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "?", locale: "en-US"), Ct);
        var first = Assert.Single(await Connector.WaitForSendsAsync(1)).Card.Readable();
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "hello", locale: "zh-CN"), Ct);
        await Connector.WaitForSendsAsync(2);
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "?", locale: "zh-CN"), Ct);

        var third = (await Connector.WaitForSendsAsync(3))[2].Card.Readable();
        Assert.Contains("欢迎使用机关党建助手", first, StringComparison.Ordinal);
        Assert.Contains("Welcome to OrganBot", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardAction_UsesLanguageOfTheMembersText_NotTheLocale()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "key points", locale: "zh-CN"), Ct);
        await Connector.WaitForSendsAsync(1);

        var response = await Bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, AnswerVerbs.KeyPoints, [], locale: "zh-CN"), Ct);

        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct)).Readable();
        Assert.Contains("Key points of the speech", card, StringComparison.Ordinal);
        Assert.DoesNotContain("讲话要点", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageCommand_ChoiceIsStored_ForShortTextAndButtons()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "语言", locale: "en-US"), Ct);
        var card = Assert.Single(await Connector.WaitForSendsAsync(1)).Card!;
        var english = card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "English")!;

        var response = await Bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, english["verb"]!.GetValue<string>(), english["data"]!.AsObject(), locale: "zh-CN"), Ct);
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "?", locale: "zh-CN"), Ct);

        Assert.Contains("语言设置", card.Readable(), StringComparison.Ordinal);
        Assert.Contains("I'll answer you in English", JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct)).Readable(), StringComparison.Ordinal);
        Assert.Contains("Welcome to OrganBot", (await Connector.WaitForSendsAsync(2))[1].Card.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageButton_UnknownValue_ChangesNothing()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "hello"), Ct);
        await Connector.WaitForSendsAsync(1);

        await Bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, LanguageCard.SetVerb, new JsonObject { [LanguageCard.LanguageKey] = "fr" }), Ct);
        var refusal = (await Connector.WaitForSendsAsync(2))[1];
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "?"), Ct);

        Assert.Contains("couldn't read that button", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("Welcome to OrganBot", (await Connector.WaitForSendsAsync(3))[2].Card.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishFollowUps_ShowThePointsTopic_WithHalfWidthPunctuation()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "What does the speech say about the warm-heart project?"), Ct);

        var card = Assert.Single(await Connector.WaitForSendsAsync(1)).Card!;
        var followUps = card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "ActionSet")
            .SelectMany(e => e!["actions"]!.AsArray()).Where(a => a!["verb"]?.GetValue<string>() == AnswerVerbs.FollowUp)
            .Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Tighten the chain of responsibility", followUps);
        Assert.DoesNotContain(followUps, t => PartPoint().IsMatch(t));
        Assert.Empty(EnglishText.FullWidthBesideLatin(card));
    }

    [GeneratedRegex(@"Part \d+ · Point \d+")]
    private static partial Regex PartPoint();
}
