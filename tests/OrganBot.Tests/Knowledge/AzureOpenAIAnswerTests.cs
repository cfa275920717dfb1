using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Knowledge;

public sealed class AzureOpenAIAnswerTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private FakeOpenAI _openAI = null!;
    private BotApplication _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _openAI = await FakeOpenAI.StartAsync();
        _bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Knowledge:AzureOpenAI:Endpoint"] = _openAI.Endpoint,
            ["Knowledge:AzureOpenAI:Deployment"] = "answers",
            ["Knowledge:AzureOpenAI:ApiKey"] = "test-key",
            ["Knowledge:AzureOpenAI:TimeoutSeconds"] = "1",
        });
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _openAI.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Question_ValidCitations_ShowsGeneratedAnswerFromRetrievedPassagesOnly()
    {
        _openAI.Reply = "讲话要求结合各支部“主题党日”活动，教育引导党员干部上好“沉浸式党课”[1]。";

        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "主题党日要怎么搞"), TestContext.Current.CancellationToken);

        var reply = Assert.Single(await _connector.WaitForSendsAsync(1));
        Assert.Contains("上好“沉浸式党课”[1]", reply.Card.Readable(), StringComparison.Ordinal);
        Assert.Contains("Azure OpenAI", reply.Card.Readable(), StringComparison.Ordinal);
        Assert.Contains("AIGeneratedContent", reply.Body.Readable(), StringComparison.Ordinal);
        var (path, body) = Assert.Single(_openAI.Requests);
        Assert.Equal("/openai/deployments/answers/chat/completions", path);
        var prompt = body.Readable();
        Assert.Contains("[1] 第二部分（坚持思想引领）· 二是", prompt, StringComparison.Ordinal);
        Assert.Contains("主题党日要怎么搞", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("暖心工程", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_CitationOutsideRetrievedPassages_FallsBackToExtractiveAnswer()
    {
        _openAI.Reply = "应当每月开展一次主题党日[9]。";

        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "主题党日要怎么搞"), TestContext.Current.CancellationToken);

        var card = Assert.Single(await _connector.WaitForSendsAsync(1)).Card.Readable();
        Assert.DoesNotContain("每月", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Azure OpenAI", card, StringComparison.Ordinal);
        Assert.Contains("“要充分运用红色资源", card, StringComparison.Ordinal);
        Assert.Single(_openAI.Requests);
    }

    [Fact]
    public async Task Question_EndpointTimesOut_FallsBackToExtractiveAnswer()
    {
        _openAI.Reply = null;

        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "主题党日要怎么搞"), TestContext.Current.CancellationToken);

        var card = Assert.Single(await _connector.WaitForSendsAsync(1, TimeSpan.FromSeconds(20))).Card.Readable();
        Assert.Contains("“要充分运用红色资源", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Azure OpenAI", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_NotCovered_ModelOnlyRewritesAndCannotAnswerIt()
    {
        // The model's rewrite goes back through retrieval and the not-covered rule; it never writes an answer itself.
        _openAI.Reply = "党费按工资比例缴纳[1]。";

        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "党费交多少"), TestContext.Current.CancellationToken);

        Assert.Contains("讲话未涉及", Assert.Single(await _connector.WaitForSendsAsync(1)).Card.Readable(), StringComparison.Ordinal);
        var (_, body) = Assert.Single(_openAI.Requests);
        Assert.Contains("改写", body.Readable(), StringComparison.Ordinal);
    }
}
