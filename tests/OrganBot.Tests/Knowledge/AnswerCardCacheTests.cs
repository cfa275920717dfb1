using OrganBot.Cards.Answers;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Knowledge;

/// <summary>
/// Repeated questions are answered from the answer cache, over real HTTP: the card is the same as the first time,
/// and what every asker's turn must still do (a missed question lands in 问答待办 once per asker) still happens.
/// The cache forgetting an answer when an admin links a new phrasing is in <see cref="QaLearningLoopTests"/>.
/// </summary>
public sealed class AnswerCardCacheTests
{
    private const string Covered = "主题党日要怎么搞";
    private const string Missed = "心往一处想劲往一处使";

    [Fact]
    public async Task SameQuestionFromThreeMembers_SameCardEachTime()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BotApplication();
        bot.Start();

        for (var i = 1; i <= 3; i++)
        {
            // The last one with extra spaces, as Teams clients sometimes send.
            var text = i == 3 ? $"  {Covered} " : Covered;
            await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, text, userId: $"29:member-{i}", conversationId: $"a:personal-{i}"), ct);
        }

        var sends = await connector.WaitForSendsAsync(3);
        Assert.Contains("讲话原文解答", sends[0].Card.Readable(), StringComparison.Ordinal);
        var cards = sends.Select(s => s.Card.Readable()).ToList();
        Assert.All(cards, c => Assert.Equal(cards[0], c));
    }

    [Fact]
    public async Task SameMissedQuestionFromTwoMembers_QueuedForBoth()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BotApplication(new Dictionary<string, string?> { ["Admins:AadObjectIds:0"] = Activities.AdminAad });
        bot.Start();

        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, Missed, userId: "29:member-1", conversationId: "a:personal-1", aad: "aaaaaaaa-0000-0000-0000-000000000001"), ct);
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, Missed, userId: "29:member-2", conversationId: "a:personal-2", aad: "aaaaaaaa-0000-0000-0000-000000000002"), ct);
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, QaQueueCard.Command, aad: Activities.AdminAad, userId: "29:admin", conversationId: "a:admin"), ct);

        var sends = await connector.WaitForSendsAsync(3);
        Assert.All(sends.Take(2), s => Assert.Contains("讲话未涉及", s.Card.Readable(), StringComparison.Ordinal));
        var queue = sends[2].Card.Readable();
        Assert.Contains(Missed, queue, StringComparison.Ordinal);
        Assert.Contains("2 人次", queue, StringComparison.Ordinal);
    }
}
