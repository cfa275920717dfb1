using System.Net;
using Microsoft.IdentityModel.Tokens;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Auth;

/// <summary>Inbound auth over real HTTP, mirroring the Bot Framework SDK's own auth tests (docs/protocol.md §2.5).</summary>
public sealed class ChannelAuthTests(ChannelAuthFixture fixture) : IClassFixture<ChannelAuthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ServiceUrl => fixture.Connector.ServiceUrl;

    [Fact]
    public async Task ValidToken_Accepted_ReplyCarriesConnectorToken()
    {
        var (activity, conversationId) = NewMessage();

        var response = await fixture.Bot.PostWithTokenAsync(activity, TestTokens.Create(fixture.TeamsKey, ServiceUrl), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await WaitForReplyAsync(conversationId);
        Assert.StartsWith("Bearer test-connector-token-", reply.Authorization, StringComparison.Ordinal);
        Assert.True(await fixture.Bot.HasConversationAsync(conversationId));
    }

    [Fact]
    public async Task MissingHeader_Rejected() => await AssertRejectedAsync(null);

    [Fact]
    public async Task GarbageToken_Rejected() => await AssertRejectedAsync("Bearer not-a-jwt");

    [Fact]
    public async Task BasicScheme_Rejected() => await AssertRejectedAsync("Basic dXNlcjpwYXNzd29yZA==");

    [Fact]
    public async Task ThreePartHeader_Rejected() =>
        await AssertRejectedAsync("Bearer " + TestTokens.Create(fixture.TeamsKey, ServiceUrl) + " extra");

    [Fact]
    public async Task WrongAudience_Rejected() =>
        await AssertRejectedAsync(Bearer(TestTokens.Create(fixture.TeamsKey, ServiceUrl, audience: "00000000-0000-0000-0000-000000000001")));

    [Fact]
    public async Task WrongIssuer_Rejected() =>
        await AssertRejectedAsync(Bearer(TestTokens.Create(fixture.TeamsKey, ServiceUrl, issuer: "https://api.botframework.evil")));

    [Fact]
    public async Task ExpiredToken_Rejected()
    {
        var now = TimeProvider.System.GetUtcNow();

        await AssertRejectedAsync(Bearer(TestTokens.Create(fixture.TeamsKey, ServiceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6))));
    }

    [Fact]
    public async Task NotYetValidToken_BeyondSkew_Rejected()
    {
        var now = TimeProvider.System.GetUtcNow();

        await AssertRejectedAsync(Bearer(TestTokens.Create(fixture.TeamsKey, ServiceUrl, notBefore: now.AddMinutes(10), expires: now.AddHours(1))));
    }

    [Fact]
    public async Task TokenWithinClockSkew_Accepted()
    {
        var now = TimeProvider.System.GetUtcNow();
        var notYetValid = TestTokens.Create(fixture.TeamsKey, ServiceUrl, notBefore: now.AddMinutes(3), expires: now.AddHours(1));
        var justExpired = TestTokens.Create(fixture.TeamsKey, ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-3));

        await AssertAcceptedAsync(notYetValid);
        await AssertAcceptedAsync(justExpired);
    }

    [Fact]
    public async Task AlgNone_Rejected() => await AssertRejectedAsync(Bearer(TestTokens.Unsigned(fixture.TeamsKey.Kid, ServiceUrl)));

    [Fact]
    public async Task Hs256Token_Rejected()
    {
        // Signed with a shared secret but naming the published RSA key: the classic algorithm-confusion attack.
        var secret = new SymmetricSecurityKey(new byte[32]) { KeyId = fixture.TeamsKey.Kid };
        var token = TestTokens.Create(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256), ServiceUrl);

        await AssertRejectedAsync(Bearer(token));
    }

    [Fact]
    public async Task UnknownKeyId_Rejected() => await AssertRejectedAsync(Bearer(TestTokens.Create(fixture.StrangerKey, ServiceUrl)));

    [Fact]
    public async Task KeyEndorsedForOtherChannel_Rejected() => await AssertRejectedAsync(Bearer(TestTokens.Create(fixture.WebChatKey, ServiceUrl)));

    [Fact]
    public async Task KeyWithoutEndorsements_Rejected() => await AssertRejectedAsync(Bearer(TestTokens.Create(fixture.BareKey, ServiceUrl)));

    [Fact]
    public async Task ServiceUrlMismatch_Rejected() =>
        await AssertRejectedAsync(Bearer(TestTokens.Create(fixture.TeamsKey, "https://smba.trafficmanager.net/amer/")));

    [Fact]
    public async Task ServiceUrlDifferingOnlyInCaseAndSlash_Accepted()
    {
        var (activity, conversationId) = NewMessage(ServiceUrl + "amer/");
        var token = TestTokens.Create(fixture.TeamsKey, (ServiceUrl + "AMER").ToUpperInvariant());

        var response = await fixture.Bot.PostWithTokenAsync(activity, token, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await WaitForReplyAsync(conversationId);
        Assert.StartsWith("/amer/v3/conversations/", reply.Path, StringComparison.Ordinal);
        Assert.StartsWith("Bearer ", reply.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedSignature_Rejected() =>
        await AssertRejectedAsync(Bearer(TestTokens.WithTamperedSignature(TestTokens.Create(fixture.TeamsKey, ServiceUrl))));

    [Fact]
    public async Task NoToken_MalformedBody_401BeforeBodyIsRead()
    {
        using var client = fixture.Bot.CreateClient();
        using var content = new StringContent("{\"type\": \"message\", ", System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/messages", content, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ValidToken_MalformedBody_Still400()
    {
        using var client = fixture.Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent("{\"type\": \"message\", ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Bearer(TestTokens.Create(fixture.TeamsKey, ServiceUrl)));

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private (System.Text.Json.Nodes.JsonObject Activity, string ConversationId) NewMessage(string? serviceUrl = null)
    {
        var conversationId = "a:auth-" + Guid.NewGuid().ToString("N")[..10];
        return (Activities.Message(serviceUrl ?? ServiceUrl, "帮助", conversationId: conversationId), conversationId);
    }

    private async Task AssertAcceptedAsync(string token)
    {
        var (activity, conversationId) = NewMessage();

        var response = await fixture.Bot.PostWithTokenAsync(activity, token, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForReplyAsync(conversationId);
    }

    /// <summary>401, and nothing happened: no conversation stored, no reply sent (checked after a valid request went through).</summary>
    private async Task AssertRejectedAsync(string? authorization)
    {
        var (activity, conversationId) = NewMessage();

        var response = await fixture.Bot.PostAsync(activity, authorization, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(await fixture.Bot.HasConversationAsync(conversationId));
        var (probe, probeConversation) = NewMessage();
        await fixture.Bot.PostWithTokenAsync(probe, TestTokens.Create(fixture.TeamsKey, ServiceUrl), Ct);
        await WaitForReplyAsync(probeConversation);
        Assert.DoesNotContain(fixture.Connector.Calls, c => c.Body?["conversation"]?["id"]?.GetValue<string>() == conversationId);
    }

    private async Task<ConnectorCall> WaitForReplyAsync(string conversationId)
    {
        var calls = await fixture.Connector.WaitForAsync(calls => calls.Any(c => IsReplyIn(c, conversationId)));
        return calls.First(c => IsReplyIn(c, conversationId));
    }

    private static bool IsReplyIn(ConnectorCall call, string conversationId) =>
        call.IsSend && call.Body?["conversation"]?["id"]?.GetValue<string>() == conversationId;
}
