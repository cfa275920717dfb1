using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Storage;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Auth;

/// <summary>
/// A single-tenant bot takes Bot Framework channel tokens, and Entra tokens of its own tenant only when the bot's own
/// identity asked for them (v1 <c>appid</c>, v2 <c>azp</c>), as the Bot Framework SDK does (docs/auth.md). Only a channel
/// token's <c>serviceurl</c> claim vouches for a service URL, so only such URLs receive the bot's outbound token.
/// </summary>
public sealed class SingleTenantAuthTests : IAsyncLifetime
{
    private const string Tenant = "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a";
    private const string OtherApp = "77777777-1111-2222-3333-444444444444";
    private readonly TestSigningKey _channelKey = TestSigningKey.Create("teams-key", "msteams");
    private readonly TestSigningKey _entraKey = TestSigningKey.Create("entra-key", null);
    private FakeIdentityServer _identity = null!;
    private FakeConnector _connector = null!;
    private FakeConnector _attacker = null!;
    private BotApplication _bot = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _identity = await FakeIdentityServer.StartAsync();
        _identity.PublishChannelKeys(_channelKey);
        _identity.PublishEntraKeys(_entraKey);
        _connector = await FakeConnector.StartAsync();
        _attacker = await FakeConnector.StartAsync();
        _bot = AuthenticatedBot.Create(_identity, new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = Tenant,
            ["Admins:AadObjectIds:0"] = Activities.AdminAad,
            ["Feedback:PublicBaseUrl"] = "https://organbot.example.test",
            ["Feedback:KeyDirectory"] = Path.Combine(Path.GetTempPath(), "organbot-tests", "keys-" + Guid.NewGuid().ToString("N")[..8]),
        });
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _attacker.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        _channelKey.Dispose();
        _entraKey.Dispose();
    }

    [Fact]
    public async Task Attack_TenantTokenOfAnotherApp_AdminExportToOwnListener_ListenerGetsNothing()
    {
        // The review's attack: any app of the bot's tenant can get a token with aud = the bot's id. It names its own
        // listener as serviceUrl, claims an admin's aadObjectId and asks for the feedback export.
        var token = TestTokens.Entra(_entraKey, Tenant, callerAppId: OtherApp);
        var activity = Activities.Message(_attacker.ServiceUrl, "导出反馈", aad: Activities.AdminAad, conversationId: "a:attack");

        var response = await _bot.PostWithTokenAsync(activity, token, Ct);
        // A legitimate message afterwards gets its answer, so the listener had every chance to receive something.
        await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_channelKey, _connector.ServiceUrl), Ct);
        await _connector.WaitForSendsAsync(1);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_attacker.Calls);
        Assert.False(await _bot.HasConversationAsync("a:attack"));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EntraTokenOfAnotherApp_Rejected(string version)
    {
        var token = TestTokens.Entra(_entraKey, Tenant, callerAppId: OtherApp, version: version, serviceUrl: _connector.ServiceUrl);

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), token, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task V2TokenWithAppidButForeignAzp_Rejected()
    {
        // v2 tokens name their caller in azp; an appid claim equal to the bot's id proves nothing there.
        var token = TestTokens.Entra(_entraKey, Tenant, callerAppId: OtherApp, extra: new Dictionary<string, object> { ["appid"] = TestTokens.AppId });

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), token, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("3.0")]
    [InlineData("banana")]
    public async Task EntraTokenOfUnknownVersion_Rejected(string version)
    {
        var token = TestTokens.Entra(_entraKey, Tenant, callerAppId: TestTokens.AppId, extra: new Dictionary<string, object> { ["ver"] = version });

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), token, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EntraTokenWithoutCallerClaim_Rejected()
    {
        var token = TestTokens.Create(_entraKey, null, issuer: $"https://sts.windows.net/{Tenant}/", claims: new Dictionary<string, object> { ["ver"] = "1.0" });

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), token, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EntraUserTokenThroughTheBotsApp_Rejected()
    {
        // A person signing in through the bot's app registration gets azp = the bot's id, but it is their token.
        var token = TestTokens.Entra(_entraKey, Tenant, callerAppId: TestTokens.AppId,
            extra: new Dictionary<string, object> { ["scp"] = "access_as_user", ["idtyp"] = "user" });

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), token, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EntraTokenOfTheBotItself_Accepted_ButItsServiceUrlGetsNoToken(string version)
    {
        var token = TestTokens.Entra(_entraKey, Tenant, callerAppId: TestTokens.AppId, version: version);

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), token, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForSendsAsync(1));
        Assert.Null(reply.Authorization);
        Assert.Empty(_identity.TokenRequests);
    }

    [Fact]
    public async Task EntraTokenWithMatchingServiceUrlClaim_DoesNotVouch()
    {
        // Only a Bot Framework channel token's serviceurl claim vouches for a URL.
        var token = TestTokens.Entra(_entraKey, Tenant, callerAppId: TestTokens.AppId, serviceUrl: _connector.ServiceUrl);

        await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), token, Ct);
        var reply = Assert.Single(await _connector.WaitForSendsAsync(1));

        Assert.Null(reply.Authorization);
        Assert.Equal(0, await VouchedCountAsync());
    }

    [Fact]
    public async Task EntraTokenWithMismatchedServiceUrlClaim_Rejected()
    {
        var token = TestTokens.Entra(_entraKey, Tenant, callerAppId: TestTokens.AppId, serviceUrl: "https://smba.trafficmanager.net/emea/");

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), token, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EntraTokenOfOtherTenant_Rejected()
    {
        var token = TestTokens.Entra(_entraKey, "99999999-9999-9999-9999-999999999999", callerAppId: TestTokens.AppId);

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), token, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ChannelToken_Accepted_VouchesForItsServiceUrl_OutboundTokenFromOwnTenant()
    {
        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_channelKey, _connector.ServiceUrl), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForSendsAsync(1));
        Assert.StartsWith("Bearer test-connector-token-", reply.Authorization, StringComparison.Ordinal);
        Assert.Equal(1, await VouchedCountAsync());
    }

    [Fact]
    public async Task ChannelTokenWithoutServiceUrlClaim_Rejected()
    {
        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_channelKey, null), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EntraTokenOfTheBot_OnAUrlAChannelTokenVouchedFor_RepliesWithToken()
    {
        // The real flows mix: a channel token vouched for the URL earlier; later sends there keep their token.
        await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_channelKey, _connector.ServiceUrl), Ct);
        await _connector.WaitForSendsAsync(1);

        await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Entra(_entraKey, Tenant, TestTokens.AppId), Ct);
        var sends = await _connector.WaitForSendsAsync(2);

        Assert.All(sends, s => Assert.StartsWith("Bearer ", s.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChannelKeyUsedWithEntraIssuer_Rejected()
    {
        // A Bot Framework key is not trusted for Entra issuers: keys come from the issuer's own metadata.
        var token = TestTokens.Entra(_channelKey, Tenant, callerAppId: TestTokens.AppId);

        var response = await _bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), token, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<int> VouchedCountAsync()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<VouchedServiceUrlRecord>().CountAsync(Ct);
    }
}
