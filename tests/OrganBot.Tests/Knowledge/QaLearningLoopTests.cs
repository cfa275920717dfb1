using System.Text.Json.Nodes;
using OrganBot.Cards.Answers;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Knowledge;

/// <summary>
/// The loop that learns from misses, over real HTTP: a refused question lands in 问答待办, an admin links it to a
/// sentence, the member who asked receives the answer, and the question and a paraphrase are answered from then on.
/// </summary>
public sealed class QaLearningLoopTests
{
    // An idiom the speech never uses for a sentence it states formally: no dictionary bridges them, an admin can.
    private const string Missed = "心往一处想劲往一处使";
    private const string Paraphrase = "大家得心往一处想、劲往一处使";
    private const string Answer = "努力形成共抓党建的强大合力";
    private const string Office = "机关党委办公室（分机 8001）";

    private static BotApplication CreateBot(StorageKind storage) => new(new Dictionary<string, string?>
    {
        ["Admins:AadObjectIds:0"] = Activities.AdminAad,
        ["Knowledge:OfficeContact"] = Office,
    }, storage: storage);

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Refused_AdminLinks_AskerGetsAnswerAndQuestionAndParaphraseAreAnswered(StorageKind storage)
    {
        Assert.SkipWhen(storage == StorageKind.Postgres && BotApplication.PostgresServer is null, "Needs ORGANBOT_TEST_PG.");
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = CreateBot(storage);
        bot.Start();

        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, Missed), ct);
        var refusal = Assert.Single(await connector.WaitForSendsAsync(1)).Card.Readable();
        Assert.Contains("讲话未涉及", refusal, StringComparison.Ordinal);
        Assert.Contains(Office, refusal, StringComparison.Ordinal);

        // 问答统计 lists it; 问答待办 offers candidate passages as one-click link buttons.
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "问答统计", aad: Activities.AdminAad, userId: "29:admin", conversationId: "a:admin"), ct);
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, QaQueueCard.Command, aad: Activities.AdminAad, userId: "29:admin", conversationId: "a:admin"), ct);
        var sends = await connector.WaitForSendsAsync(3);
        Assert.Contains(Missed, sends[1].Card.Readable(), StringComparison.Ordinal);
        var queueCard = sends[2].Card!;
        var link = FindAction(queueCard, AnswerVerbs.Link);
        var item = link["data"]![AnswerVerbs.ItemKey]!.GetValue<string>();
        var target = KnowledgeFixture.Knowledge.Document.Sentences.First(s => s.Text.Contains(Answer, StringComparison.Ordinal));

        // The admin links it to the sentence that answers it (the data a link button carries).
        var response = await bot.PostActivityAsync(Activities.Execute(connector.ServiceUrl, AnswerVerbs.Link,
            new JsonObject { [AnswerVerbs.ItemKey] = item, [AnswerVerbs.SentenceKey] = target.Id }, userId: "29:admin", aad: Activities.AdminAad, conversationId: "a:admin"), ct);
        Assert.Contains("已关联", JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)).Readable(), StringComparison.Ordinal);

        // The member who asked receives the answer in their chat, through the delivery outbox.
        await connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == Activities.ConversationId
            && c.Card.Readable().Contains(Answer, StringComparison.Ordinal)), TimeSpan.FromSeconds(20));

        // From now on the question and a paraphrase are answered from that sentence.
        connector.Clear();
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, Missed, userId: "29:member-2", conversationId: "a:personal-2"), ct);
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, Paraphrase, userId: "29:member-3", conversationId: "a:personal-3"), ct);
        var answers = await connector.WaitForSendsAsync(2);
        Assert.All(answers, a => Assert.Contains(Answer, a.Card.Readable(), StringComparison.Ordinal));
        Assert.All(answers, a => Assert.DoesNotContain("讲话未涉及", a.Card.Readable(), StringComparison.Ordinal));

        // Persisted: a restarted bot on the same database loads the linked phrasing at start.
        bot.KeepDatabase = true;
        await bot.DisposeAsync();
        await using var restarted = new BotApplication(new Dictionary<string, string?>(bot.Settings), storage: storage, databaseName: bot.DatabaseName);
        restarted.DeleteDatabaseOnDispose = true;
        restarted.Start();
        connector.Clear();
        await restarted.PostActivityAsync(Activities.Message(connector.ServiceUrl, Paraphrase), ct);
        Assert.Contains(Answer, Assert.Single(await connector.WaitForSendsAsync(1)).Card.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownVote_AsksWhatWasWrong_AndTheReasonReachesTheQueue()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = CreateBot(StorageKind.Sqlite);
        bot.Start();
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "主题党日要怎么搞"), ct);
        var answer = Assert.Single(await connector.WaitForSendsAsync(1)).Card!;
        var down = answer["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == AnswerVerbs.Vote && a["data"]![AnswerVerbs.VoteKey]!.GetValue<string>() == AnswerVerbs.Down)!["data"]!.AsObject().DeepClone().AsObject();

        var voted = await bot.PostActivityAsync(Activities.Execute(connector.ServiceUrl, AnswerVerbs.Vote, down), ct);
        var votedCard = JsonNode.Parse(await voted.Content.ReadAsStringAsync(ct))!["value"]!.AsObject();
        var reason = FindAction(votedCard, AnswerVerbs.Reason, a => a["data"]?[AnswerVerbs.ReasonKey]?.GetValue<string>() == "不完整");
        await bot.PostActivityAsync(Activities.Execute(connector.ServiceUrl, AnswerVerbs.Reason, reason["data"]!.AsObject().DeepClone().AsObject()), ct);
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, QaQueueCard.Command, aad: Activities.AdminAad, userId: "29:admin", conversationId: "a:admin"), ct);

        var queue = (await connector.WaitForAsync(calls => calls.Any(c => c.Card.Readable().Contains("问答待办", StringComparison.Ordinal)))).Last(c => c.Card is not null).Card.Readable();
        Assert.Contains("主题党日要怎么搞", queue, StringComparison.Ordinal);
        Assert.Contains("不完整", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotCovered_RequestOrComplaint_OffersFeedbackAndNamesTheOffice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = CreateBot(StorageKind.Sqlite);
        bot.Start();

        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "食堂的饭太难吃了，建议换个承包商"), ct);
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "明天天气怎么样"), ct);

        var cards = (await connector.WaitForSendsAsync(2)).Select(s => s.Card.Readable()).ToList();
        Assert.All(cards, c => Assert.Contains(Office, c, StringComparison.Ordinal));
        Assert.Contains("我要反馈", cards[0], StringComparison.Ordinal);
        Assert.DoesNotContain("我要反馈", cards[1], StringComparison.Ordinal);
        Assert.DoesNotContain("最相关的部分", cards[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_ByNonAdminOrWithTamperedData_ChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = CreateBot(StorageKind.Sqlite);
        bot.Start();
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, Missed), ct);
        await connector.WaitForSendsAsync(1);

        var member = await bot.PostActivityAsync(Activities.Execute(connector.ServiceUrl, AnswerVerbs.Link, new JsonObject { [AnswerVerbs.ItemKey] = "1", [AnswerVerbs.SentenceKey] = "s10" }), ct);
        var tampered = await bot.PostActivityAsync(Activities.Execute(connector.ServiceUrl, AnswerVerbs.Link,
            new JsonObject { [AnswerVerbs.ItemKey] = "1", [AnswerVerbs.SentenceKey] = "s99999" }, userId: "29:admin", aad: Activities.AdminAad, conversationId: "a:admin"), ct);
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, Missed), ct);

        Assert.True(member.IsSuccessStatusCode && tampered.IsSuccessStatusCode);
        var sends = await connector.WaitForSendsAsync(4);
        Assert.Contains("仅对管理员开放", sends[1].Text, StringComparison.Ordinal);
        Assert.Contains("无法识别", sends[2].Text, StringComparison.Ordinal);
        Assert.Contains("讲话未涉及", sends[3].Card.Readable(), StringComparison.Ordinal);
    }

    private static JsonObject FindAction(JsonNode card, string verb, Func<JsonObject, bool>? where = null)
    {
        foreach (var node in Descendants(card))
        {
            if (node is JsonObject o && o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb && (where is null || where(o))) return o;
        }

        throw new Xunit.Sdk.XunitException($"No action {verb} in the card");
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var d in Descendants(child)) yield return d;
        }
    }
}
