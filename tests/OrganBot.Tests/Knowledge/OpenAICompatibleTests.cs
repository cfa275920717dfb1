using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Knowledge;

/// <summary>A self-hosted OpenAI-compatible model (Provider = OpenAICompatible) against the fake endpoint on loopback.</summary>
public sealed class OpenAICompatibleTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private FakeOpenAI _model = null!;
    private BotApplication _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _model = await FakeOpenAI.StartAsync();
        _bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Knowledge:AzureOpenAI:Provider"] = "OpenAICompatible",
            ["Knowledge:AzureOpenAI:Endpoint"] = _model.Endpoint + "v1",
            ["Knowledge:AzureOpenAI:Deployment"] = "qwen2.5-7b-instruct",
            ["Knowledge:AzureOpenAI:TimeoutSeconds"] = "2",
        });
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _model.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task MissedQuestion_ModelRewritesIntoSpeechWords_ThenWritesAGroundedAnswer()
    {
        _model.Replies.Enqueue("如何最大限度地调动党员干部的积极性、主动性和创造性");
        _model.Replies.Enqueue("讲话要求开展“暖心工程”，调动大家的积极性[1]。");

        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "心往一处想劲往一处使"), TestContext.Current.CancellationToken);

        var reply = Assert.Single(await _connector.WaitForSendsAsync(1, TimeSpan.FromSeconds(20)));
        Assert.Contains("调动大家的积极性[1]", reply.Card.Readable(), StringComparison.Ordinal);
        Assert.Contains("心往一处想劲往一处使", reply.Card.Readable(), StringComparison.Ordinal);
        var requests = _model.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("/v1/chat/completions", r.Path));
        Assert.All(requests, r => Assert.Equal("qwen2.5-7b-instruct", r.Body!["model"]!.GetValue<string>()));
        Assert.Contains("还要更多地开展“暖心工程”", requests[1].Body.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelQuotesWordsNotInThePassages_ExtractiveAnswerIsSent()
    {
        _model.Reply = "讲话要求“每月开展一次主题党日”[1]。";

        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "主题党日要怎么搞"), TestContext.Current.CancellationToken);

        var card = Assert.Single(await _connector.WaitForSendsAsync(1, TimeSpan.FromSeconds(20))).Card.Readable();
        Assert.DoesNotContain("每月", card, StringComparison.Ordinal);
        Assert.Contains("“要充分运用红色资源", card, StringComparison.Ordinal);
    }
}
