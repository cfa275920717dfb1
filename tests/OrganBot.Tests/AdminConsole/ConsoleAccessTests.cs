using System.Net;
using System.Text.Json.Nodes;
using OrganBot.Tests.Feedback;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.AdminConsole;

/// <summary>管理后台 over real HTTP: sign-in by link, the session cookie, antiforgery, and refusals that show nothing.</summary>
public sealed class ConsoleAccessTests : IAsyncLifetime
{
    public static readonly string[] PagePaths = ["/console/", "/console/overview", "/console/attendance", "/console/feedback", "/console/announcements", "/console/qa"];
    public static readonly string[] ApiPaths = ["/console/api/me", "/console/api/overview", "/console/api/attendance", "/console/api/feedback", "/console/api/announcements", "/console/api/qa"];

    private FeedbackHost _host = null!;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await FeedbackHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Link_SignsInOnce_ThenEveryPageAndApiAnswers_AndTheLinkIsSpent()
    {
        var link = await ConsoleBrowserSession.AskForLinkAsync(_host);
        using var browser = ConsoleBrowserSession.Anonymous(_host.Bot);
        var signedIn = await browser.OpenLinkAsync(link, Ct);
        using var other = ConsoleBrowserSession.Anonymous(_host.Bot);
        var reused = await other.OpenLinkAsync(link, Ct);

        Assert.Equal("/console/signin", link.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        foreach (var path in PagePaths.Concat(ApiPaths))
        {
            var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore, path);
        }

        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("已使用过", await reused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/console/api/overview")).StatusCode);
    }

    [Fact]
    public async Task NoCredentials_EveryPageAndApi_Is401WithNothingShown()
    {
        using var browser = ConsoleBrowserSession.Anonymous(_host.Bot);
        foreach (var path in PagePaths.Concat(ApiPaths))
        {
            var response = await browser.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("/console/assets/app.js", body, StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/console/api/feedback/NX-2026-0001", "/console/api/attendance/export", "/console/api/announcements/1/remind", "/console/api/qa/1" })
        {
            var response = await browser.PostJsonAsync(path, new JsonObject { ["action"] = "accept", ["version"] = 1 });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"POST {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryField_Is400_AndDoesNotSpendTheLink()
    {
        var link = await ConsoleBrowserSession.AskForLinkAsync(_host);
        using var browser = ConsoleBrowserSession.Anonymous(_host.Bot);

        var refused = await browser.OpenLinkAsync(link, Ct, withCsrf: false);
        var accepted = await browser.OpenLinkAsync(link, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("/console/", accepted.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SessionPost_WithoutAntiforgeryHeader_Is400AndChangesNothing_WithItTheTicketIsAcceptedAndTheMemberNotified()
    {
        var number = await SubmitTicketAsync("希望食堂延长供餐时间。", anonymous: false);
        using var browser = await ConsoleBrowserSession.SignInAsync(_host);
        _host.Connector.Clear();

        var refused = await browser.PostJsonAsync($"/console/api/feedback/{number}", new JsonObject { ["action"] = "accept", ["version"] = 1 }, withCsrf: false);
        var unchanged = JsonNode.Parse(await browser.Client.GetStringAsync($"/console/api/feedback/{number}", Ct))!;
        var accepted = await browser.PostJsonAsync($"/console/api/feedback/{number}", new JsonObject { ["action"] = "accept", ["version"] = 1 });
        var notice = await _host.WaitForTextAsync(Activities.ConversationId, number);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("new", unchanged["ticket"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accepted", JsonNode.Parse(await accepted.Content.ReadAsStringAsync(Ct))!["ticket"]!["ticket"]!["status"]!.GetValue<string>());
        Assert.Contains("已受理", notice.Body.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_StaleVersionOrBadInput_IsRefusedWithTheLatestState()
    {
        var number = await SubmitTicketAsync("建议增加心理咨询。", anonymous: false);
        using var browser = await ConsoleBrowserSession.SignInAsync(_host);

        var stale = await browser.PostJsonAsync($"/console/api/feedback/{number}", new JsonObject { ["action"] = "accept", ["version"] = 7 });
        var noUnit = await browser.PostJsonAsync($"/console/api/feedback/{number}", new JsonObject { ["action"] = "route", ["version"] = 1 });
        var unknown = await browser.PostJsonAsync($"/console/api/feedback/{number}", new JsonObject { ["action"] = "delete", ["version"] = 1 });
        var missing = await browser.PostJsonAsync("/console/api/feedback/NX-1999-0001", new JsonObject { ["action"] = "accept", ["version"] = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        Assert.Contains("承办单位", await noUnit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var detail = JsonNode.Parse(await browser.Client.GetStringAsync($"/console/api/feedback/{number}", Ct))!;
        Assert.Equal("new", detail["ticket"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Member_AskingFor管理后台_GetsNoLink()
    {
        await _host.MemberSaysAsync("管理后台");
        var reply = await _host.WaitForSendAsync(Activities.ConversationId);

        Assert.Contains("仅对管理员开放", reply.Body.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("/console/signin", reply.Body.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_OfAnAdminRemovedSince_Is403OnEveryPageAndApi()
    {
        using var browser = await ConsoleBrowserSession.SignInAsync(_host);
        var link = await ConsoleBrowserSession.AskForLinkAsync(_host);

        await _host.RestartAsync(new() { ["Admins:AadObjectIds:0"] = "aaaaaaaa-0000-0000-0000-0000000000ff" });
        browser.MoveTo(_host.Bot);
        using var late = ConsoleBrowserSession.Anonymous(_host.Bot);
        var lateSignIn = await late.OpenLinkAsync(link, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, lateSignIn.StatusCode);
        foreach (var path in PagePaths.Concat(ApiPaths))
        {
            var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("/console/assets/app.js", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryPageAndApi_ShowsAnAnonymousTicketWithoutItsMember_AndANamedOneWithItsName()
    {
        var anonymous = await SubmitTicketAsync("匿名：某处室长期加班。", anonymous: true, userId: "29:member-anon", aad: "aaaaaaaa-0000-0000-0000-00000000a404", name: "王匿名");
        var named = await SubmitTicketAsync("实名：希望增加读书角。", anonymous: false);
        using var browser = await ConsoleBrowserSession.SignInAsync(_host);

        var bodies = new List<string>();
        foreach (var path in PagePaths.Concat(ApiPaths).Concat([$"/console/api/feedback/{anonymous}", $"/console/api/feedback/{named}", "/console/api/feedback?status=new"]))
        {
            bodies.Add(await (await browser.GetAsync(path)).Content.ReadAsStringAsync(Ct));
        }

        var all = string.Join("\n", bodies);
        Assert.Contains(anonymous, all, StringComparison.Ordinal);
        Assert.Contains(FeedbackHost.MemberName, all, StringComparison.Ordinal);
        Assert.DoesNotContain("王匿名", all, StringComparison.Ordinal);
        Assert.DoesNotContain("29:member-anon", all, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaaaaaa-0000-0000-0000-00000000a404", all, StringComparison.Ordinal);
    }

    private Task<string> SubmitTicketAsync(string content, bool anonymous, string? userId = null, string? aad = null, string? name = null) =>
        ConsoleSeed.TicketAsync(_host, content, anonymous, userId, aad, name);
}
