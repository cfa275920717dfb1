using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OrganBot.Bot.Downloads;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Downloads;
using OrganBot.Tests.Feedback;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Downloads;

/// <summary>The one download service behind 导出反馈, 导出台账 and 导出发送结果, over real HTTP.</summary>
public sealed class DownloadLinkTests : IAsyncLifetime
{
    private const string SecondAdminAad = "aaaaaaaa-0000-0000-0000-0000000000a2";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
    private FeedbackHost _host = null!;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await FeedbackHost.StartAsync(
        new() { ["Admins:AadObjectIds:1"] = SecondAdminAad, ["Downloads:LinkLifetime"] = "00:10:00" },
        services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Uri> LinkAsync(string purpose, string objectId, string admin = Activities.AdminAad)
    {
        await using var scope = _host.Bot.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IDownloadLinks>().CreateAsync(purpose, objectId, admin, Ct)).Url;
    }

    private async Task<HttpResponseMessage> GetAsync(string pathAndQuery)
    {
        using var client = _host.Bot.CreateClient();
        return await client.GetAsync(pathAndQuery, Ct);
    }

    private static string Token(Uri link) => link.Query["?token=".Length..];

    [Fact]
    public async Task FeedbackLink_FromTeams_OpensOnceWithNoStore()
    {
        await _host.AdminSaysAsync("导出反馈");
        var card = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation)).Card!;
        var link = new Uri(card["actions"]![0]!["url"]!.GetValue<string>());

        var first = await GetAsync(link.PathAndQuery);
        var second = await GetAsync(link.PathAndQuery);

        Assert.Equal("/api/admin/downloads/feedback/all", link.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.True(second.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Link_AfterItsLifetime_IsGone_AndWithinItWorks()
    {
        var expiring = await LinkAsync(DownloadPurposes.Feedback, DownloadPurposes.Everything);
        var fresh = await LinkAsync(DownloadPurposes.Feedback, DownloadPurposes.Everything);

        _time.Advance(TimeSpan.FromMinutes(9));
        var withinLifetime = await GetAsync(fresh.PathAndQuery);
        _time.Advance(TimeSpan.FromMinutes(2));
        var expired = await GetAsync(expiring.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, withinLifetime.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.DoesNotContain("NX-", await expired.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttendanceLink_ForOneOccurrence_DoesNotOpenAnotherOrAnotherExport()
    {
        var link = await LinkAsync(DownloadPurposes.AttendanceLedger, "ev1:20270205");
        var token = Token(link);

        var otherOccurrence = await GetAsync($"/api/admin/downloads/attendance/{Uri.EscapeDataString("ev1:20270305")}?token={token}");
        var otherExport = await GetAsync($"/api/admin/downloads/feedback/all?token={token}");
        var otherResults = await GetAsync($"/api/admin/downloads/announcement-results/1?token={token}");
        var own = await GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, otherOccurrence.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherExport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherResults.StatusCode);
        Assert.DoesNotContain("编号", await otherExport.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // The refusals did not spend the link; the occurrence itself does not exist here, hence 404 rather than 410.
        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
    }

    [Fact]
    public async Task Link_OfAnAdminRemovedSinceAsking_IsForbidden_WhileAnotherAdminsLinkWorks()
    {
        var removedAdmins = await LinkAsync(DownloadPurposes.Feedback, DownloadPurposes.Everything);
        var remainingAdmins = await LinkAsync(DownloadPurposes.Feedback, DownloadPurposes.Everything, SecondAdminAad);

        await _host.RestartAsync(new() { ["Admins:AadObjectIds:0"] = SecondAdminAad });
        var refused = await GetAsync(removedAdmins.PathAndQuery);
        var allowed = await GetAsync(remainingAdmins.PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Link_AcrossARestart_WorksOnlyWithinItsLifetime()
    {
        var kept = await LinkAsync(DownloadPurposes.Feedback, DownloadPurposes.Everything);
        var late = await LinkAsync(DownloadPurposes.Feedback, DownloadPurposes.Everything);

        await _host.RestartAsync();
        var afterRestart = await GetAsync(kept.PathAndQuery);
        _time.Advance(TimeSpan.FromMinutes(11));
        var afterExpiry = await GetAsync(late.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task Token_IsStoredOnlyAsItsSha256_BoundToPurposeObjectAndAdmin()
    {
        var link = await LinkAsync(DownloadPurposes.AnnouncementResults, "42");
        var token = Token(link);

        await using var scope = _host.Bot.Services.CreateAsyncScope();
        var row = Assert.Single(await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<DownloadTokenRecord>().AsNoTracking().ToListAsync(Ct));

        Assert.Equal(43, token.Length); // 256 random bits, base64url
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), row.TokenHash);
        Assert.Equal((DownloadPurposes.AnnouncementResults, "42", Activities.AdminAad), (row.Purpose, row.ObjectId, row.AdminAadObjectId));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(10), row.ExpiresAt);
    }

    [Theory]
    [InlineData("/api/admin/downloads/feedback/all?token=unknown-token", HttpStatusCode.NotFound)]
    [InlineData("/api/admin/downloads/feedback/all?token=%00%FF%E2%80%AE", HttpStatusCode.NotFound)]
    [InlineData("/api/admin/downloads/no-such-export/all?token=x", HttpStatusCode.NotFound)]
    [InlineData("/api/admin/downloads/feedback/all", HttpStatusCode.Unauthorized)]
    [InlineData("/api/admin/downloads/announcement-results/not-a-number", HttpStatusCode.Unauthorized)]
    public async Task BadLinks_GetAClear4xxWithNoStore(string pathAndQuery, HttpStatusCode expected)
    {
        var response = await GetAsync(pathAndQuery);

        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Link_WithoutBotPublicBaseUrl_UsesThePortTheBotListensOn()
    {
        await using var host = await FeedbackHost.StartAsync(new() { ["Bot:PublicBaseUrl"] = "" });
        await host.AdminSaysAsync("导出反馈");
        var card = (await host.WaitForSendAsync(FeedbackHost.AdminConversation)).Card!;
        var link = new Uri(card["actions"]![0]!["url"]!.GetValue<string>());

        using var plain = new HttpClient();
        var response = await plain.GetAsync(link, Ct);

        Assert.NotEqual(3978, host.Bot.BaseAddress.Port);
        Assert.Equal(host.Bot.BaseAddress.Port, link.Port);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
