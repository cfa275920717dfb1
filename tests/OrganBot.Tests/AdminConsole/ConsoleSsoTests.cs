using System.Net;
using System.Net.Http.Headers;
using OrganBot.Tests.Auth;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.AdminConsole;

/// <summary>
/// The Teams tab's sign-in: a Teams SSO token as Bearer on every console call, validated against the tenant's keys
/// (a loopback OpenID endpoint with locally minted tokens), and the admin list checked on every request.
/// </summary>
public sealed class ConsoleSsoTests : IAsyncLifetime
{
    private const string Tenant = "7a1d0c3e-aaaa-bbbb-cccc-000000000001";
    private const string OtherTenant = "7a1d0c3e-aaaa-bbbb-cccc-0000000000ff";
    private const string AdminOid = "aaaaaaaa-0000-0000-0000-0000000000ad";
    private const string MemberOid = "aaaaaaaa-0000-0000-0000-000000000001";
    private static readonly string s_resource = "api://organbot.example.test/" + TestTokens.AppId;

    private FakeIdentityServer _identity = null!;
    private TestSigningKey _key = null!;
    private BotApplication _bot = null!;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _identity = await FakeIdentityServer.StartAsync();
        _key = TestSigningKey.Create("entra-key-1");
        _identity.PublishEntraKeys(_key);
        _bot = AuthenticatedBot.Create(_identity, new() { ["Console:SsoTenantId"] = Tenant, ["Admins:AadObjectIds:0"] = AdminOid });
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _identity.DisposeAsync();
        _key.Dispose();
    }

    private static string Token(TestSigningKey key, string oid, string tenant = Tenant, string? audience = null, DateTimeOffset? expires = null, string? scope = "access_as_user", string? issuerTenant = null) =>
        TestTokens.Create(key, null, $"https://login.microsoftonline.com/{issuerTenant ?? tenant}/v2.0", audience ?? s_resource,
            notBefore: expires?.AddHours(-1), expires: expires,
            claims: new Dictionary<string, object> { ["tid"] = tenant, ["oid"] = oid, ["ver"] = "2.0", ["azp"] = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346", ["scp"] = scope ?? "" }
                .Where(kv => kv.Key != "scp" || scope is not null).ToDictionary());

    private async Task<HttpStatusCode> GetAsync(string path, string? token)
    {
        using var client = _bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request, Ct);
        Assert.True(response.Headers.CacheControl?.NoStore, path);
        if (response.StatusCode != HttpStatusCode.OK) Assert.DoesNotContain("openTickets", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        return response.StatusCode;
    }

    [Fact]
    public async Task AdminToken_OpensEveryApi_AndTheTeamsTabPage()
    {
        var token = Token(_key, AdminOid);

        foreach (var path in ConsoleAccessTests.ApiPaths) Assert.Equal(HttpStatusCode.OK, await GetAsync(path, token));
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/console/feedback?host=teams", null));
    }

    [Fact]
    public async Task BareAppIdAudience_IsAccepted()
    {
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/console/api/overview", Token(_key, AdminOid, audience: TestTokens.AppId)));
    }

    [Fact]
    public async Task NonAdminToken_Is403OnEveryApi()
    {
        var token = Token(_key, MemberOid);

        foreach (var path in ConsoleAccessTests.ApiPaths) Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(path, token));
    }

    [Fact]
    public async Task ExpiredForeignOrForgedTokens_Are401()
    {
        using var stranger = TestSigningKey.Create("entra-key-1");
        var cases = new Dictionary<string, string>
        {
            ["expired"] = Token(_key, AdminOid, expires: DateTimeOffset.UtcNow.AddMinutes(-10)),
            ["foreign tenant"] = Token(_key, AdminOid, tenant: OtherTenant),
            ["foreign tid, our issuer"] = Token(_key, AdminOid, tenant: OtherTenant, issuerTenant: Tenant),
            ["other audience"] = Token(_key, AdminOid, audience: "api://elsewhere.example/" + TestTokens.AppId),
            ["app-only (no scp)"] = Token(_key, AdminOid, scope: null),
            ["signed by another key"] = Token(stranger, AdminOid),
            ["tampered"] = TestTokens.WithTamperedSignature(Token(_key, AdminOid)),
            ["garbage"] = "not-a-jwt",
        };

        foreach (var (name, token) in cases)
        {
            var status = await GetAsync("/console/api/overview", token);
            Assert.True(status == HttpStatusCode.Unauthorized, $"{name}: {(int)status}");
        }
    }

    [Fact]
    public async Task BearerPost_NeedsNoAntiforgeryToken_ButStillTheAdminCheck()
    {
        using var client = _bot.CreateClient();
        async Task<HttpStatusCode> PostAsync(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/console/api/qa/999") { Content = System.Net.Http.Json.JsonContent.Create(new { action = "dismiss" }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await client.SendAsync(request, Ct)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Token(_key, AdminOid)));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(Token(_key, MemberOid)));
    }
}
