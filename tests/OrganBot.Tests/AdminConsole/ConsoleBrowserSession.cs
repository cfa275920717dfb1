using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrganBot.Tests.Feedback;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.AdminConsole;

/// <summary>
/// What a browser does with a 管理后台 link, over real HTTP with its own cookie jar: ask the bot for the link as an
/// admin, open it, press 登录 (the form with its antiforgery field), then call the API with the session cookie.
/// </summary>
internal sealed partial class ConsoleBrowserSession : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private HttpClient _client;

    private ConsoleBrowserSession(Uri baseAddress) => _client = NewClient(baseAddress);

    private HttpClient NewClient(Uri baseAddress)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = true }) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    /// <summary>The same browser (cookies) against a restarted bot on its new port.</summary>
    public void MoveTo(BotApplication bot)
    {
        _client.Dispose();
        _client = NewClient(bot.BaseAddress);
    }

    public HttpClient Client => _client;

    /// <summary>The antiforgery token from /console/api/me, for the X-Console-Csrf header.</summary>
    public string? Csrf { get; private set; }

    public static ConsoleBrowserSession Anonymous(BotApplication bot) => new(bot.BaseAddress);

    /// <summary>The link an admin gets for 管理后台 in their 1:1 chat.</summary>
    public static async Task<Uri> AskForLinkAsync(FeedbackHost host)
    {
        static string? Url(ConnectorCall c) => c.IsSend && c.ConversationId == FeedbackHost.AdminConversation
            && c.Card?["actions"]?[0]?["url"]?.GetValue<string>() is { } url && url.Contains("/console/signin", StringComparison.Ordinal) ? url : null;
        var before = host.Connector.Sends.Count(c => Url(c) is not null);
        await host.AdminSaysAsync("管理后台");
        var calls = await host.Connector.WaitForAsync(cs => cs.Count(c => Url(c) is not null) > before);
        return new Uri(calls.Select(Url).Last(u => u is not null)!);
    }

    /// <summary>A browser signed in with a fresh link.</summary>
    public static async Task<ConsoleBrowserSession> SignInAsync(FeedbackHost host)
    {
        var session = new ConsoleBrowserSession(host.Bot.BaseAddress);
        var response = await session.OpenLinkAsync(await AskForLinkAsync(host), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/console/", response.RequestMessage!.RequestUri!.AbsolutePath);
        await session.LoadCsrfAsync();
        return session;
    }

    /// <summary>Opens the link's page and presses 登录 as a browser would; returns the final response.</summary>
    public async Task<HttpResponseMessage> OpenLinkAsync(Uri link, CancellationToken ct, bool withCsrf = true)
    {
        var page = await _client.GetAsync(link.PathAndQuery, ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        if (!withCsrf) fields.Remove("csrf");
        return await _client.PostAsync("/console/signin", new FormUrlEncodedContent(fields), ct);
    }

    public async Task LoadCsrfAsync()
    {
        var me = JsonNode.Parse(await _client.GetStringAsync("/console/api/me", TestContext.Current.CancellationToken))!;
        Csrf = me["csrf"]?.GetValue<string>();
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path, TestContext.Current.CancellationToken);

    public async Task<HttpResponseMessage> PostJsonAsync(string path, JsonObject body, bool withCsrf = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (withCsrf && Csrf is not null) request.Headers.Add("X-Console-Csrf", Csrf);
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
