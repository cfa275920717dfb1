using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Storage;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Auth;

/// <summary>Outbound tokens through MSAL against a loopback token endpoint, sent only to trusted service URLs.</summary>
public sealed class OutboundTokenTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = TestSigningKey.Create("teams-key", "msteams");
    private FakeIdentityServer _identity = null!;
    private FakeConnector _connector = null!;
    private BotApplication _bot = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _identity = await FakeIdentityServer.StartAsync();
        _identity.PublishChannelKeys(_key);
        _connector = await FakeConnector.StartAsync();
        _bot = AuthenticatedBot.Create(_identity);
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task SeveralReplies_OneTokenRequest_SameBearerOnEach()
    {
        for (var i = 0; i < 4; i++)
        {
            var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_key, _connector.ServiceUrl), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var sends = await _connector.WaitForSendsAsync(4);

        Assert.All(sends, s => Assert.Equal("Bearer test-connector-token-1", s.Authorization));
        var request = Assert.Single(_identity.TokenRequests);
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal(TestTokens.AppId, request["client_id"]);
        Assert.Equal("test-secret", request["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", request["scope"]);
    }

    [Fact]
    public async Task UntrustedServiceUrl_GetsNoToken()
    {
        var tokens = _bot.Services.GetRequiredService<IConnectorTokenProvider>();

        var token = await tokens.GetTokenAsync(new Uri(_connector.ServiceUrl + "v3/conversations/a:1/activities"), Ct);

        Assert.Null(token);
        Assert.Empty(_identity.TokenRequests);
    }

    [Fact]
    public async Task LookalikeHost_GetsNoToken()
    {
        await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_key, _connector.ServiceUrl), Ct);
        await _connector.WaitForSendsAsync(1);
        var tokens = _bot.Services.GetRequiredService<IConnectorTokenProvider>();
        var port = new Uri(_connector.ServiceUrl).Port;

        var otherPort = await tokens.GetTokenAsync(new Uri($"http://127.0.0.1:{port + 1}/v3/conversations"), Ct);
        var otherHost = await tokens.GetTokenAsync(new Uri($"http://127.0.0.1.evil.example:{port}/v3/conversations"), Ct);

        Assert.Null(otherPort);
        Assert.Null(otherHost);
    }

    [Fact]
    public async Task ServiceUrlOnlyStoredInConversations_GetsNoToken()
    {
        // The directory holds every URL an authenticated caller named; that does not make it a channel endpoint.
        const string stored = "https://smba.trafficmanager.net/emea/";
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            db.Conversations.Add(new ConversationRecord { Id = "a:stored", ServiceUrl = stored, ChannelId = "msteams", ConversationType = "personal" });
            await db.SaveChangesAsync(Ct);
        }

        var tokens = _bot.Services.GetRequiredService<IConnectorTokenProvider>();

        var token = await tokens.GetTokenAsync(new Uri(stored + "v3/conversations/a:stored/activities"), Ct);

        Assert.Null(token);
    }

    [Fact]
    public async Task VouchedServiceUrl_GetsTokenOnAnotherInstanceOfTheSameDatabase()
    {
        // Proactive sends (reminders, announcements) may run on an instance that never saw the channel's token.
        await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_key, _connector.ServiceUrl), Ct);
        await _connector.WaitForSendsAsync(1);
        await using var second = AuthenticatedBot.Create(_identity, databaseName: _bot.DatabaseName);
        second.Start();
        var tokens = second.Services.GetRequiredService<IConnectorTokenProvider>();

        var token = await tokens.GetTokenAsync(new Uri(_connector.ServiceUrl + "v3/conversations/a:1/activities"), Ct);

        Assert.StartsWith("test-connector-token-", token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredTrustedServiceUrl_GetsToken()
    {
        const string configured = "https://smba.trafficmanager.net/apac/";
        await using var bot = AuthenticatedBot.Create(_identity, new() { ["TrustedServiceUrls:0"] = configured });
        bot.Start();
        var tokens = bot.Services.GetRequiredService<IConnectorTokenProvider>();

        var token = await tokens.GetTokenAsync(new Uri(configured + "v3/conversations"), Ct);

        Assert.StartsWith("test-connector-token-", token, StringComparison.Ordinal);
    }
}
