using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Storage;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Storage;

/// <summary>
/// A turn that finds everything it needs in memory (a repeated question in a known conversation) leases no database
/// context at all (issue 15): the pooled context, its reset and its scope bookkeeping are paid only by turns that read
/// or write.
/// </summary>
public sealed class TurnDatabaseUseTests : IAsyncLifetime
{
    private readonly LeaseCounter _leases = new();
    private FakeConnector _connector = null!;
    private BotApplication _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApplication(configureServices: _leases.Install);
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task RepeatedQuestion_InAKnownConversation_LeasesNoDatabaseContext()
    {
        var ct = TestContext.Current.CancellationToken;
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "主题党日要怎么搞"), ct);
        await _connector.WaitForSendsAsync(1);
        var firstTurn = _leases.OnMessagesEndpoint;

        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "主题党日要怎么搞"), ct);
        var replies = await _connector.WaitForSendsAsync(2);

        // The first turn records the conversation and the member, so the counter is seen to count.
        Assert.True(firstTurn > 0, "the first turn in a new conversation leased no context: the counter counts nothing");
        Assert.Equal(replies[0].Card.Readable(), replies[1].Card.Readable());
        Assert.Equal(firstTurn, _leases.OnMessagesEndpoint);
    }

    [Fact]
    public async Task ReadReceipt_StillLeasesTheContextItWrites()
    {
        var ct = TestContext.Current.CancellationToken;
        var receipt = Activities.Base("event", _connector.ServiceUrl).With("name", "application/vnd.microsoft.readReceipt");
        receipt["value"] = new System.Text.Json.Nodes.JsonObject { ["lastReadMessageId"] = "1700000000000" };

        var response = await _bot.PostActivityAsync(receipt, ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(_leases.OnMessagesEndpoint > 0, "a read receipt marked deliveries without a database context");
    }

    /// <summary>Wraps the pooled context's registration to count the leases made by /api/messages requests' scopes.</summary>
    private sealed class LeaseCounter
    {
        private int _count;

        public int OnMessagesEndpoint => Volatile.Read(ref _count);

        public void Install(IServiceCollection services)
        {
            services.AddHttpContextAccessor();
            var pooled = services.Last(d => d.ServiceType == typeof(BotDbContext));
            services.Remove(pooled);
            services.Add(ServiceDescriptor.Describe(typeof(BotDbContext), provider =>
            {
                // The turn's own scope only: on PostgreSQL the replay mark is the database's decision, made in a batch
                // scope of its own (docs/auth.md); that is not the turn touching the database through its features.
                var http = provider.GetRequiredService<IHttpContextAccessor>().HttpContext;
                if (http?.Request.Path == "/api/messages" && ReferenceEquals(http.RequestServices, provider)) Interlocked.Increment(ref _count);
                return pooled.ImplementationFactory!(provider);
            }, pooled.Lifetime));
        }
    }
}
