using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Feedback;

public sealed class FeedbackAdminTests : IAsyncLifetime
{
    private const string Member2 = "29:member-2";
    private const string Member2Aad = "aaaaaaaa-0000-0000-0000-000000000002";
    private const string Member2Conversation = "a:personal-2";

    private readonly CapturingLoggerProvider _logs = new();
    private FeedbackHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await FeedbackHost.StartAsync(
        new() { ["Logging:LogLevel:OrganBot"] = "Debug" },
        services => services.AddSingleton<ILoggerProvider>(_logs));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<JsonObject> SubmitAsync(string content, bool anonymous = false)
    {
        var confirm = await _host.FillFormAsync(content, anonymous);
        var receipt = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit")));
        Assert.Contains("NX-2026-", receipt.Readable(), StringComparison.Ordinal);
        return (await _host.WaitForSendAsync(FeedbackHost.AdminConversation, c => c.Card is not null && c.Card.Readable().Contains(content, StringComparison.Ordinal))).Card!;
    }

    [Fact]
    public async Task AdminTriage_EachStatus_NotifiesMemberAndStoresRating()
    {
        var card = await SubmitAsync("希望为青年干部安排导师帮带。");

        card = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.accept", FeedbackHost.ActionData(card, "feedback.admin.accept")));
        Assert.Contains("已受理", card.Readable(), StringComparison.Ordinal);
        await _host.WaitForSendAsync(Activities.ConversationId, c => c.Card.Readable().Contains("已受理", StringComparison.Ordinal));
        // The stored admin card is updated in place as well.
        await _host.Connector.WaitForAsync(cs => cs.Any(c => c.Method == "PUT" && c.ConversationId == FeedbackHost.AdminConversation && c.Body.Readable().Contains("已受理", StringComparison.Ordinal)));

        var route = FeedbackHost.ActionData(card, "feedback.admin.route");
        route["unit"] = "unionandwomen";
        card = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.route", route));
        Assert.Contains("民生类", card.Readable(), StringComparison.Ordinal);
        await _host.WaitForSendAsync(Activities.ConversationId, c => c.Card.Readable().Contains("民生类", StringComparison.Ordinal));

        route = FeedbackHost.ActionData(card, "feedback.admin.route");
        route["unit"] = "partycommittee";
        card = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.route", route));
        Assert.Contains("作风类", card.Readable(), StringComparison.Ordinal);
        await _host.WaitForSendAsync(Activities.ConversationId, c => c.Card.Readable().Contains("作风类", StringComparison.Ordinal));

        var reply = FeedbackHost.ActionData(card, "feedback.admin.reply");
        reply["replyText"] = "已与人事处商定，下月起为每位青年干部安排导师。";
        card = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.reply", reply));
        Assert.Contains("下月起为每位青年干部安排导师", card.Readable(), StringComparison.Ordinal);
        await _host.WaitForSendAsync(Activities.ConversationId, c => c.Card.Readable().Contains("下月起为每位青年干部安排导师", StringComparison.Ordinal));

        card = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.resolve", FeedbackHost.ActionData(card, "feedback.admin.resolve")));
        Assert.Contains("已办结", card.Readable(), StringComparison.Ordinal);
        Assert.False(FeedbackHost.HasAction(card, "feedback.admin.resolve"));
        var ratingCard = (await _host.WaitForSendAsync(Activities.ConversationId, c => c.Card is not null && FeedbackHost.HasAction(c.Card, "feedback.rate"))).Card!;

        var rate = FeedbackHost.ActionData(ratingCard, "feedback.rate");
        rate["rating"] = "satisfied";
        rate["ratingComment"] = "感谢组织关心";
        var thanks = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.rate", rate));
        Assert.Contains("感谢您的评价", thanks.Readable(), StringComparison.Ordinal);
        var again = await _host.ExecuteAsync("feedback.rate", rate);
        Assert.NotEqual("application/vnd.microsoft.card.adaptive", again["type"]?.GetValue<string>());
        await _host.WaitForTextAsync(Activities.ConversationId, "已评价过");

        _host.Connector.Clear();
        await _host.MemberSaysAsync("我的反馈");
        var mine = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!.Readable();
        Assert.Contains("已办结", mine, StringComparison.Ordinal);
        Assert.Contains("满意", mine, StringComparison.Ordinal);
        Assert.Contains("下月起为每位青年干部安排导师", mine, StringComparison.Ordinal);

        var csv = await ExportCsvAsync();
        foreach (var step in new[] { "受理", "转办", "回复", "办结", "评价", FeedbackHost.AdminName, "感谢组织关心" })
        {
            Assert.Contains(step, csv, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnonymousTicket_NeverShowsTheMemberToAdmins_ButRepliesStillReachThem()
    {
        var card = await SubmitAsync("匿名反映：某处室加班过多。", anonymous: true);
        card = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.accept", FeedbackHost.ActionData(card, "feedback.admin.accept")));
        var reply = FeedbackHost.ActionData(card, "feedback.admin.reply");
        reply["replyText"] = "已转告相关处室，感谢您的反映。";
        var replied = await _host.AdminExecuteAsync("feedback.admin.reply", reply);
        await _host.WaitForSendAsync(Activities.ConversationId, c => c.Card.Readable().Contains("已转告相关处室", StringComparison.Ordinal));
        await _host.AdminSaysAsync("反馈列表");
        var list = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation, c => c.Card.Readable().Contains("反馈列表", StringComparison.Ordinal))).Card!;
        var filtered = await _host.AdminExecuteAsync("feedback.admin.list", new JsonObject { ["statusFilter"] = "accepted", ["categoryFilter"] = "all" });
        var connectorCalls = _host.Connector.Calls.Where(c => c.ConversationId != Activities.ConversationId).Select(c => c.Body.Readable()).ToList();
        var csv = await ExportCsvAsync();

        Assert.Contains(connectorCalls, p => p.Contains("匿名反映", StringComparison.Ordinal));
        // Calls made since (the export's) are admin-facing too, except the member's own chat: a notice that reaches it
        // late (delivery order under load) is addressed to the member, which is no disclosure to an admin.
        var adminFacing = connectorCalls.Concat(_host.Connector.Calls.Where(c => c.ConversationId != Activities.ConversationId).Select(c => c.Body.Readable()))
            .Concat([replied.Readable(), filtered.Readable(), list.Readable(), csv])
            .Concat(_logs.Lines)
            .ToList();
        Assert.Contains(adminFacing, p => p.Contains("匿名反映", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.Contains(" 7001 ", StringComparison.Ordinal)); // the log capture works
        foreach (var payload in adminFacing)
        {
            Assert.DoesNotContain(Activities.UserId, payload, StringComparison.Ordinal);
            Assert.DoesNotContain(Activities.UserAad, payload, StringComparison.Ordinal);
            Assert.DoesNotContain(FeedbackHost.MemberName, payload, StringComparison.Ordinal);
        }

        Assert.Contains("匿名", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonAdmin_AdminActionsAndCommands_AreRefusedAndChangeNothing()
    {
        var card = await SubmitAsync("非管理员测试。");

        var forged = await _host.ExecuteAsync("feedback.admin.resolve", FeedbackHost.ActionData(card, "feedback.admin.resolve"));
        await _host.WaitForTextAsync(Activities.ConversationId, "只有管理员");
        await _host.MemberSaysAsync("反馈列表");
        await _host.MemberSaysAsync("导出反馈");
        await _host.Connector.WaitForAsync(cs => cs.Count(c => c.IsSend && c.ConversationId == Activities.ConversationId && c.Body.Readable().Contains("仅对管理员开放", StringComparison.Ordinal)) >= 2);
        _host.Connector.Clear();
        await _host.MemberSaysAsync("我的反馈");
        var mine = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!.Readable();

        Assert.NotEqual("application/vnd.microsoft.card.adaptive", forged["type"]?.GetValue<string>());
        Assert.Contains("待受理", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Connector.Calls, c => c.Method == "PUT");
    }

    [Fact]
    public async Task ForgedAndStaleSubmissions_AreRefusedAndChangeNothing()
    {
        var card = await SubmitAsync("伪造测试。");
        var accept = FeedbackHost.ActionData(card, "feedback.admin.accept");
        var number = accept["ticket"]!.GetValue<string>();
        await _host.AdminExecuteAsync("feedback.admin.accept", accept);

        // A stale admin card (old version) cannot resolve.
        var stale = await _host.AdminExecuteAsync("feedback.admin.resolve", FeedbackHost.ActionData(card, "feedback.admin.resolve"));
        Assert.Contains("已过期", stale.Readable(), StringComparison.Ordinal);
        Assert.Contains("已受理", stale.Readable(), StringComparison.Ordinal);

        // Another member cannot rate or open this member's ticket.
        await _host.ExecuteAsync("feedback.rate", new JsonObject { ["ticket"] = number, ["rating"] = "dissatisfied" }, Member2, Member2Aad, Member2Conversation);
        await _host.WaitForTextAsync(Member2Conversation, "未找到您提交的这条反馈");
        await _host.ExecuteAsync("feedback.rate.open", new JsonObject { ["ticket"] = number }, Member2, Member2Aad, Member2Conversation);

        // Edited data: an unknown ticket number, and a reply that is empty or too long.
        var unknown = FeedbackHost.ActionData(card, "feedback.admin.resolve");
        unknown["ticket"] = "NX-2026-9999";
        await _host.AdminExecuteAsync("feedback.admin.resolve", unknown);
        await _host.WaitForTextAsync(FeedbackHost.AdminConversation, "未找到这条反馈");
        var current = FeedbackHost.InvokeCard(stale);
        var reply = FeedbackHost.ActionData(current, "feedback.admin.reply");
        reply["replyText"] = new string('回', 2001);
        var tooLong = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.reply", reply));
        Assert.Contains("2000", tooLong.Readable(), StringComparison.Ordinal);
        Assert.Contains(new string('回', 2001), tooLong.Readable(), StringComparison.Ordinal);
        reply["replyText"] = "  ";
        var empty = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.reply", reply));
        Assert.Contains("不能为空", empty.Readable(), StringComparison.Ordinal);

        _host.Connector.Clear();
        await _host.MemberSaysAsync("我的反馈");
        var mine = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!.Readable();
        Assert.Contains("已受理", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("回回回", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("不满意", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Connector.Sends, c => c.ConversationId == Member2Conversation && c.Card is not null);
    }

    [Fact]
    public async Task AdminChannel_SetInAChannel_ReceivesNewTicketsAndUpdatesInPlace()
    {
        const string channel = "19:feedback@thread.tacv2;messageid=1";
        const string channelRoot = "19:feedback@thread.tacv2"; // new tickets start new posts, not replies in the command's thread
        var activity = Activities.Message(_host.Connector.ServiceUrl, "<at>OrganBot</at> 设为反馈处理频道", FeedbackHost.AdminId, Activities.AdminAad, channel, name: FeedbackHost.AdminName);
        activity["conversation"]!["conversationType"] = "channel";
        activity["conversation"]!["isGroup"] = true;
        activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team" };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = "19:feedback@thread.tacv2" };
        await _host.Bot.PostActivityAsync(activity, _host.Ct);
        await _host.WaitForTextAsync(channel, "反馈处理频道");

        var confirm = await _host.FillFormAsync("频道测试。");
        await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit"));
        var card = (await _host.WaitForSendAsync(channelRoot, c => c.Card is not null)).Card!;
        await _host.AdminExecuteAsync("feedback.admin.accept", FeedbackHost.ActionData(card, "feedback.admin.accept"));

        await _host.Connector.WaitForAsync(cs => cs.Any(c => c.Method == "PUT" && c.ConversationId == channelRoot && c.Body.Readable().Contains("已受理", StringComparison.Ordinal)));
        Assert.DoesNotContain(_host.Connector.Sends, c => c.ConversationId == FeedbackHost.AdminConversation && c.Card.Readable().Contains("频道测试", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemberInAChannel_SetChannelCommand_IsRefused()
    {
        await _host.MemberSaysAsync("设为反馈处理频道");

        await _host.WaitForTextAsync(Activities.ConversationId, "仅对管理员开放");
    }

    [Fact]
    public async Task FeedbackExportLink_CannotOpenAnotherDownload_AndStillWorksForItsOwn()
    {
        _host.Connector.Clear();
        await _host.AdminSaysAsync("导出反馈");
        var card = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation, c => c.Card.Readable().Contains("下载", StringComparison.Ordinal))).Card!;
        var url = new Uri(card["actions"]![0]!["url"]!.GetValue<string>());
        using var client = _host.Bot.CreateClient();

        var elsewhere = await client.GetAsync($"/api/admin/downloads/attendance/x%3A20261204{url.Query}", _host.Ct);
        var own = await client.GetAsync(url.PathAndQuery, _host.Ct);

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private async Task<string> ExportCsvAsync()
    {
        _host.Connector.Clear();
        await _host.AdminSaysAsync("导出反馈");
        var card = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation, c => c.Card.Readable().Contains("下载", StringComparison.Ordinal))).Card!;
        var url = new Uri(card["actions"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("/api/admin/downloads/feedback/all", url.AbsolutePath);
        using var client = _host.Bot.CreateClient();
        var response = await client.GetAsync(url.PathAndQuery, _host.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(_host.Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }
}

/// <summary>Collects every log line the bot writes, to check none names an anonymous member.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {eventId.Id} {formatter(state, exception)} {exception}");
    }
}
