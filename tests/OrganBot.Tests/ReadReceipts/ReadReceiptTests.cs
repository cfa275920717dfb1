using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.ReadReceipts;

/// <summary>Issue 14: read receipts over /api/messages move the announcement's read counts; bad receipts change nothing.</summary>
[Trait("Category", "Postgres")]
public sealed class ReadReceiptTests : IAsyncLifetime
{
    private ReadReceiptHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ReadReceiptHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static JsonObject Value(string lastRead) => new() { ["lastReadMessageId"] = lastRead };

    private async Task<string> ListTextAsync()
    {
        var before = _host.Connector.Calls.Count;
        await _host.Bot.PostActivityAsync(Activities.Message(_host.Connector.ServiceUrl, "公告列表", userId: ReadReceiptHost.AdminId, aad: Activities.AdminAad, conversationId: ReadReceiptHost.AdminChat), TestContext.Current.CancellationToken);
        // 公告列表 is a card (issue 13): the read counts are on each announcement's status line.
        var calls = await _host.Connector.WaitForAsync(c => c.Skip(before).Any(x => x.Card.Readable().Contains("公告列表", StringComparison.Ordinal)));
        return calls.Skip(before).Last(x => x.Card.Readable().Contains("公告列表", StringComparison.Ordinal)).Card.Readable();
    }

    [Fact]
    public async Task Receipt_TwoOfSevenRead_CardListAndCsvShowReadAndUnread()
    {
        var id = await _host.SendAnnouncementAsync();
        var sendsBefore = _host.Connector.Sends.Count;

        var first = await _host.ReceiptAsync(0, Value(await _host.MessageIdAsync(id, 0)));
        var second = await _host.ReceiptAsync(1, new JsonObject { ["lastReadMessageId"] = long.Parse(await _host.MessageIdAsync(id, 1), CultureInfo.InvariantCulture) + 5 });
        var card = await _host.ExecuteAsync("announce.refresh", new JsonObject { ["announcementId"] = id });
        var list = await ListTextAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var readable = card.Readable();
        Assert.Contains("\"title\":\"已读（收到回执）\",\"value\":\"2\"", readable, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"未读或未知\",\"value\":\"5\"", readable, StringComparison.Ordinal);
        Assert.Contains("计为“未知”，不算未读", readable, StringComparison.Ordinal);
        Assert.Contains("提醒未读（5 人）", readable, StringComparison.Ordinal);
        Assert.Contains("已读 2 / 未读或未知 5", list, StringComparison.Ordinal);
        // A receipt is never answered: the only new sends are the list reply.
        Assert.Equal(sendsBefore + 1, _host.Connector.Sends.Count);

        await _host.ExecuteAsync("announce.export", new JsonObject { ["announcementId"] = id });
        var text = (await _host.Connector.WaitForAsync(c => c.Any(x => x.Text?.Contains("/api/admin/downloads/", StringComparison.Ordinal) == true))).Last(x => x.Text?.Contains("/api/admin/downloads/", StringComparison.Ordinal) == true).Text!;
        var path = text[text.IndexOf("/api/admin/downloads/", StringComparison.Ordinal)..text.LastIndexOf(')')];
        using var client = _host.Bot.CreateClient();
        var csv = System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync(path, TestContext.Current.CancellationToken));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("已读时间", lines[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Equal(2, lines.Skip(1).Count(l => System.Text.RegularExpressions.Regex.IsMatch(l.TrimEnd('\r'), @",\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")));
    }

    [Fact]
    public async Task Receipt_AtOrBeforeOnlyOwnConversation_IdempotentAndBoundaryExact()
    {
        var id = await _host.SendAnnouncementAsync();
        var own = long.Parse(await _host.MessageIdAsync(id, 2), CultureInfo.InvariantCulture);

        // One below member 2's message: not read yet.
        await _host.ReceiptAsync(2, Value((own - 1).ToString(CultureInfo.InvariantCulture)));
        var afterBelow = await _host.BatchAsync($"ann:{id}");
        // A huge id in member 3's chat reads everything there, and nothing in anyone else's chat.
        await _host.ReceiptAsync(3, Value("999999999999999999"));
        // Exactly member 2's id: read; the same receipt again changes nothing.
        await _host.ReceiptAsync(2, Value(own.ToString(CultureInfo.InvariantCulture)));
        var firstRead = (await _host.BatchAsync($"ann:{id}")).Single(s => s.ConversationId == ReadReceiptHost.Chat(2)).ReadAt;
        await _host.ReceiptAsync(2, Value(own.ToString(CultureInfo.InvariantCulture)));
        var batch = await _host.BatchAsync($"ann:{id}");

        Assert.All(afterBelow, s => Assert.Null(s.ReadAt));
        Assert.Equal([ReadReceiptHost.Chat(2), ReadReceiptHost.Chat(3)], batch.Where(s => s.ReadAt is not null).Select(s => s.ConversationId!).Order(StringComparer.Ordinal));
        Assert.NotNull(firstRead);
        Assert.Equal(firstRead, batch.Single(s => s.ConversationId == ReadReceiptHost.Chat(2)).ReadAt);
    }

    public static TheoryData<string> MalformedValues() => new()
    {
        "\"just a string\"",
        "[1,2]",
        "{}",
        "{\"lastReadMessageId\":null}",
        "{\"lastReadMessageId\":true}",
        "{\"lastReadMessageId\":{\"id\":\"1\"}}",
        "{\"lastReadMessageId\":-5}",
        "{\"lastReadMessageId\":1.5}",
        "{\"lastReadMessageId\":\"\"}",
        "{\"lastReadMessageId\":\"" + new string('9', 300) + "\"}",
        "{\"lastReadMessageId\":1e40}",
    };

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public async Task Receipt_MalformedValue_400AndNothingStoredOrSent(string valueJson)
    {
        var id = await _host.SendAnnouncementAsync();
        var callsBefore = _host.Connector.Calls.Count;

        var response = await _host.ReceiptAsync(0, JsonNode.Parse(valueJson));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.All(await _host.BatchAsync($"ann:{id}"), s => Assert.Null(s.ReadAt));
        Assert.Equal(callsBefore, _host.Connector.Calls.Count);
    }

    [Fact]
    public async Task Receipt_MissingValueOrUnknownConversationOrMessage_HandledWithoutEffect()
    {
        var id = await _host.SendAnnouncementAsync();
        var callsBefore = _host.Connector.Calls.Count;

        var noValue = await _host.ReceiptAsync(0, null);
        var unknownChat = await _host.ReceiptAsync(0, Value("999999999999999999"), conversationId: "a:never-seen");
        var unknownMessage = await _host.ReceiptAsync(0, Value("not-a-number-id"));
        var inChannel = await _host.ReceiptAsync(0, Value("999999999999999999"), conversationType: "channel");

        Assert.Equal(HttpStatusCode.BadRequest, noValue.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownChat.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownMessage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inChannel.StatusCode);
        Assert.All(await _host.BatchAsync($"ann:{id}"), s => Assert.Null(s.ReadAt));
        Assert.Equal(callsBefore, _host.Connector.Calls.Count);
    }
}
