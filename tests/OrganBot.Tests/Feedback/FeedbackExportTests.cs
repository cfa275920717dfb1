using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Feedback;

public sealed class FeedbackExportTests : IAsyncLifetime
{
    private const string ExportPath = "/api/admin/downloads/feedback/all";
    private FeedbackHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await FeedbackHost.StartAsync();
        var confirm = await _host.FillFormAsync("导出测试：希望工会组织“=SUM(A1)”健步走活动，中文不乱码。", category: "suggestion");
        await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit"));
        await _host.WaitForSendAsync(FeedbackHost.AdminConversation);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<Uri> ExportLinkAsync()
    {
        _host.Connector.Clear();
        await _host.AdminSaysAsync("导出反馈");
        var card = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation)).Card!;
        return new Uri(card["actions"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExportLink_OpensCsvWithBomColumnsAndChinese_OnlyOnce()
    {
        var link = await ExportLinkAsync();
        using var client = _host.Bot.CreateClient();

        var response = await client.GetAsync(link.PathAndQuery, _host.Ct);
        var again = await client.GetAsync(link.PathAndQuery, _host.Ct);

        Assert.Equal("https://organbot.example.test", link.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(_host.Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("编号,类别,状态,承办单位,提交时间,最后更新,办结时间,提交人,联系方式,内容,回复,满意度,评价意见,处理记录", lines[0]);
        Assert.StartsWith("NX-2026-0001,意见建议,待受理,", lines[1], StringComparison.Ordinal);
        Assert.Contains("中文不乱码", lines[1], StringComparison.Ordinal);
        Assert.Contains(FeedbackHost.MemberName, lines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
    }

    [Fact]
    public async Task Export_BearerHeaderWithToken_Works()
    {
        var token = (await ExportLinkAsync()).Query.Split("token=")[1];
        using var client = _host.Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ExportPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Uri.UnescapeDataString(token));

        var response = await client.SendAsync(request, _host.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("Bearer forged-token", null, HttpStatusCode.NotFound)]
    [InlineData(null, Activities.UserAad, HttpStatusCode.Forbidden)]
    [InlineData(null, "not-a-guid", HttpStatusCode.Forbidden)]
    public async Task Export_WithoutAValidAdminCredential_IsRefusedWithNoData(string? authorization, string? devAdmin, HttpStatusCode expected)
    {
        using var client = _host.Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ExportPath);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (devAdmin is not null) request.Headers.Add("X-OrganBot-Admin", devAdmin);

        var response = await client.SendAsync(request, _host.Ct);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(_host.Ct);
        Assert.DoesNotContain("NX-2026", body, StringComparison.Ordinal);
        Assert.DoesNotContain("导出测试", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_DevModeAdminHeaderFromLoopback_Works()
    {
        using var client = _host.Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ExportPath);
        request.Headers.Add("X-OrganBot-Admin", Activities.AdminAad);

        var response = await client.SendAsync(request, _host.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("导出测试", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(_host.Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FormulaLookingText_IsEscapedForExcel()
    {
        using var client = _host.Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ExportPath);
        request.Headers.Add("X-OrganBot-Admin", Activities.AdminAad);

        var csv = Encoding.UTF8.GetString(await (await client.SendAsync(request, _host.Ct)).Content.ReadAsByteArrayAsync(_host.Ct));

        Assert.Contains("“=SUM(A1)”", csv, StringComparison.Ordinal);
    }
}
