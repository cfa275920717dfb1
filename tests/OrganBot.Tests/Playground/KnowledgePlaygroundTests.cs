using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Playground;

/// <summary>
/// Issue 3 end to end: a member asks the speech questions in the real Agents Playground, in Chinese (a zh-CN custom
/// activity; the Playground's own messages are en-US) and in English, opens the original text and rates an answer.
/// </summary>
public sealed class KnowledgePlaygroundTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    private const string ThemePartyDaySentence = "各支部“主题党日”活动";

    [Fact]
    public async Task Playground_AskChineseAndEnglish_QuotedAnswerCardsAndVoteThanks()
    {
        Assert.SkipWhen(playground.SkipReason is not null, playground.SkipReason ?? "");
        var client = playground.Client;
        var ct = TestContext.Current.CancellationToken;

        await client.SendTextWithLocaleAsync("主题党日要怎么搞", "zh-CN", cancellationToken: ct);
        var chinese = await client.WaitForCardAsync(card => card.Readable().Contains("讲话原文解答"), cancellationToken: ct);

        var shown = chinese.VisibleText();
        Assert.Equal(PlaygroundIdentity.PersonalChatId, chinese.ConversationId);
        Assert.Contains(ThemePartyDaySentence, shown, StringComparison.Ordinal);
        Assert.Contains("出处：第二部分（坚持思想引领）· 二是", shown, StringComparison.Ordinal);
        Assert.Contains("[查看原文]", shown, StringComparison.Ordinal);
        Assert.Contains("[👍 有帮助]", shown, StringComparison.Ordinal);
        Assert.Contains("[👎 没帮助]", shown, StringComparison.Ordinal);
        // 查看原文 opens in place (Action.ShowCard): the whole part, heading first, including the quoted sentence.
        var originalText = chinese.Expand("查看原文").VisibleText();
        Assert.StartsWith("第二部分（坚持思想引领）", originalText, StringComparison.Ordinal);
        Assert.Contains("二、坚持思想引领，在提升党性修养上学得深、悟得准", originalText, StringComparison.Ordinal);
        Assert.Contains(ThemePartyDaySentence, originalText, StringComparison.Ordinal);

        await client.SendTextAsync("What does the speech say about the warm-heart project?", cancellationToken: ct);
        var english = await client.WaitForCardAsync(card => card.Readable().Contains("What the speech says"), cancellationToken: ct);

        var englishShown = english.VisibleText();
        Assert.Contains("Source: Part 4 (Organisational leadership) · Point 3", englishShown, StringComparison.Ordinal);
        Assert.Contains("还要更多地开展“暖心工程”", englishShown, StringComparison.Ordinal);
        Assert.Contains("[Read the original]", englishShown, StringComparison.Ordinal);
        Assert.DoesNotContain("出处", englishShown, StringComparison.Ordinal);

        // 👍: the Playground swaps the card for the one in the invoke response; the thanks replace the vote buttons.
        var voted = await client.PressForCardAsync(english, "👍 Helpful", cancellationToken: ct);

        var votedShown = voted.VisibleText();
        Assert.Contains("👍 Thank you for your rating!", votedShown, StringComparison.Ordinal);
        Assert.Contains("还要更多地开展“暖心工程”", votedShown, StringComparison.Ordinal);
        Assert.DoesNotContain("[👍 Helpful]", votedShown, StringComparison.Ordinal);
        Assert.Contains("[Read the original]", votedShown, StringComparison.Ordinal);
    }
}
