using System.Net;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Auth;

public sealed class KeyRotationTests : IAsyncLifetime
{
    private readonly TestSigningKey _oldKey = TestSigningKey.Create("key-2026-11", "msteams");
    private readonly TestSigningKey _newKey = TestSigningKey.Create("key-2026-12", "msteams");
    private FakeIdentityServer _identity = null!;
    private FakeConnector _connector = null!;
    private BotApplication _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _identity = await FakeIdentityServer.StartAsync();
        _identity.PublishChannelKeys(_oldKey);
        _connector = await FakeConnector.StartAsync();
        _bot = AuthenticatedBot.Create(_identity);
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        _oldKey.Dispose();
        _newKey.Dispose();
    }

    [Fact]
    public async Task NewKeyAfterRotation_AcceptedAfterOneRefetch()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_oldKey, _connector.ServiceUrl), ct);
        var fetchesBeforeRotation = _identity.ChannelKeyFetches;
        _identity.PublishChannelKeys(_newKey);

        var second = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_newKey, _connector.ServiceUrl), ct);
        var third = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_newKey, _connector.ServiceUrl), ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(1, fetchesBeforeRotation);
        Assert.Equal(2, _identity.ChannelKeyFetches);
        await _connector.WaitForSendsAsync(3);
    }

    [Fact]
    public async Task UnknownKeys_RefetchAtMostOncePerInterval()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stranger = TestSigningKey.Create("stranger", "msteams");
        await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_oldKey, _connector.ServiceUrl), ct);

        for (var i = 0; i < 5; i++)
        {
            var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(stranger, _connector.ServiceUrl), ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(2, _identity.ChannelKeyFetches);
    }
}
