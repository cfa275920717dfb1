using System.Text.Json.Nodes;
using OrganBot.Cards.Answers;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Knowledge;

public sealed class AnswerCardEndpointTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotApplication _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApplication(new Dictionary<string, string?> { ["Admins:AadObjectIds:0"] = Activities.AdminAad });
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Question_ThemePartyDay_RepliesWithQuoteLabelAndOriginalText()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "主题党日要怎么搞"), TestContext.Current.CancellationToken);

        var card = Assert.Single(await _connector.WaitForSendsAsync(1)).Card.Readable();
        Assert.Contains("各支部“主题党日”活动", card, StringComparison.Ordinal);
        Assert.Contains("出处：第二部分（坚持思想引领）· 二是", card, StringComparison.Ordinal);
        Assert.Contains("查看原文", card, StringComparison.Ordinal);
        Assert.Contains("二、坚持思想引领，在提升党性修养上学得深、悟得准", card, StringComparison.Ordinal);
        Assert.Contains(AnswerVerbs.FollowUp, card, StringComparison.Ordinal);
        Assert.Contains("有帮助", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_EnglishLocale_EnglishInterfaceWithChineseQuote()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "What does the speech say about the warm-heart project?", locale: "en-US"), TestContext.Current.CancellationToken);

        var card = Assert.Single(await _connector.WaitForSendsAsync(1)).Card.Readable();
        Assert.Contains("Source: Part 4 (Organisational leadership) · Point 3", card, StringComparison.Ordinal);
        Assert.Contains("还要更多地开展“暖心工程”", card, StringComparison.Ordinal);
        Assert.Contains("Read the original", card, StringComparison.Ordinal);
        Assert.DoesNotContain("出处", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_NotInSpeech_RepliesNotCoveredWithoutCitation()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "党费交多少"), TestContext.Current.CancellationToken);

        var card = Assert.Single(await _connector.WaitForSendsAsync(1)).Card.Readable();
        Assert.Contains("讲话未涉及", card, StringComparison.Ordinal);
        Assert.DoesNotContain("出处", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyPoints_Command_ListsPartsAndOpensOnePart()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "讲话要点"), TestContext.Current.CancellationToken);
        var overview = Assert.Single(await _connector.WaitForSendsAsync(1)).Card.Readable();

        var response = await _bot.PostActivityAsync(Activities.Execute(_connector.ServiceUrl, AnswerVerbs.Part, new JsonObject { [AnswerVerbs.PartKey] = "4" }), TestContext.Current.CancellationToken);

        Assert.Contains("五、把握群团规律", overview, StringComparison.Ordinal);
        var part = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("第四部分（压实组织领导）", JsonNode.Parse(part).Readable(), StringComparison.Ordinal);
        Assert.Contains("要牢固树立大抓基层", JsonNode.Parse(part).Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_ThenAdminStats_CountsTheVote()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "主题党日要怎么搞"), TestContext.Current.CancellationToken);
        var answerCard = Assert.Single(await _connector.WaitForSendsAsync(1)).Card!;
        var voteData = answerCard["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == AnswerVerbs.Vote && a["data"]![AnswerVerbs.VoteKey]!.GetValue<string>() == AnswerVerbs.Up)!["data"]!.AsObject();
        var vote = new JsonObject { [AnswerVerbs.AnswerIdKey] = voteData[AnswerVerbs.AnswerIdKey]!.GetValue<string>(), [AnswerVerbs.VoteKey] = AnswerVerbs.Up, [AnswerVerbs.QuestionKey] = voteData[AnswerVerbs.QuestionKey]!.GetValue<string>() };

        var response = await _bot.PostActivityAsync(Activities.Execute(_connector.ServiceUrl, AnswerVerbs.Vote, vote), TestContext.Current.CancellationToken);
        await _bot.PostActivityAsync(Activities.Execute(_connector.ServiceUrl, AnswerVerbs.Vote, vote), TestContext.Current.CancellationToken);
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "问答统计", aad: Activities.AdminAad, userId: "29:admin"), TestContext.Current.CancellationToken);

        Assert.Contains("感谢您的评价", JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Readable(), StringComparison.Ordinal);
        var stats = (await _connector.WaitForAsync(calls => calls.Any(c => c.Card.Readable().Contains("问答统计", StringComparison.Ordinal)))).Last(c => c.Card is not null).Card.Readable();
        Assert.Equal(2, _connector.Sends.Count);
        Assert.Contains("有帮助\",\"value\":\"1\"", stats, StringComparison.Ordinal);
        Assert.Contains("没帮助\",\"value\":\"0\"", stats, StringComparison.Ordinal);
        Assert.Contains("主题党日要怎么搞", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_TamperedAnswerId_IsRefusedAndNotCounted()
    {
        var vote = new JsonObject { [AnswerVerbs.AnswerIdKey] = "s99999", [AnswerVerbs.VoteKey] = AnswerVerbs.Down, [AnswerVerbs.QuestionKey] = "主题党日要怎么搞" };

        await _bot.PostActivityAsync(Activities.Execute(_connector.ServiceUrl, AnswerVerbs.Vote, vote), TestContext.Current.CancellationToken);
        var refusal = Assert.Single(await _connector.WaitForSendsAsync(1));
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "问答统计", aad: Activities.AdminAad, userId: "29:admin"), TestContext.Current.CancellationToken);

        Assert.Contains("无法记录", refusal.Text, StringComparison.Ordinal);
        var stats = (await _connector.WaitForSendsAsync(2))[1].Card.Readable();
        Assert.Contains("暂无评价", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_NonAdmin_IsPolitelyRefused()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "问答统计"), TestContext.Current.CancellationToken);

        var reply = Assert.Single(await _connector.WaitForSendsAsync(1));
        Assert.Null(reply.Card);
        Assert.Contains("仅对管理员开放", reply.Text, StringComparison.Ordinal);
    }
}
