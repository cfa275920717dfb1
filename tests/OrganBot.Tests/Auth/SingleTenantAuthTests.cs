using System.Net;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Auth;

/// <summary>Single-tenant bots accept Bot Framework channel tokens and Entra tokens of their own tenant (docs/protocol.md §2.3).</summary>
public sealed class SingleTenantAuthTests : IAsyncLifetime
{
    private const string Tenant = "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a";
    private readonly TestSigningKey _channelKey = TestSigningKey.Create("teams-key", "msteams");
    private readonly TestSigningKey _entraKey = TestSigningKey.Create("entra-key", null);
    private FakeIdentityServer _identity = null!;
    private FakeConnector _connector = null!;
    private BotApplication _bot = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _identity = await FakeIdentityServer.StartAsync();
        _identity.PublishChannelKeys(_channelKey);
        _identity.PublishEntraKeys(_entraKey);
        _connector = await FakeConnector.StartAsync();
        _bot = AuthenticatedBot.Create(_identity, new() { ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppTenantId"] = Tenant });
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        _channelKey.Dispose();
        _entraKey.Dispose();
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + Tenant + "/v2.0")]
    [InlineData("https://sts.windows.net/" + Tenant + "/")]
    public async Task EntraTokenOfOwnTenant_Accepted(string issuer)
    {
        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_entraKey, _connector.ServiceUrl, issuer: issuer), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _connector.WaitForSendsAsync(1);
    }

    [Fact]
    public async Task EntraTokenOfOtherTenant_Rejected()
    {
        var issuer = "https://login.microsoftonline.com/99999999-9999-9999-9999-999999999999/v2.0";

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_entraKey, _connector.ServiceUrl, issuer: issuer), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ChannelToken_Accepted_OutboundTokenFromOwnTenant()
    {
        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_channelKey, _connector.ServiceUrl), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForSendsAsync(1));
        Assert.StartsWith("Bearer test-connector-token-", reply.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelKeyUsedWithEntraIssuer_Rejected()
    {
        // A Bot Framework key is not trusted for Entra issuers: keys come from the issuer's own metadata.
        var issuer = "https://login.microsoftonline.com/" + Tenant + "/v2.0";

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_channelKey, _connector.ServiceUrl, issuer: issuer), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
