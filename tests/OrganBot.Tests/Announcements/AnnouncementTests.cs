using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrganBot.Tests.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Announcements;

[Trait("Category", "Postgres")]
public sealed class AnnouncementTests : IAsyncLifetime
{
    private const string AdminId = "29:admin-a";
    private const string AdminChat = "a:admin-a-chat";
    private const string SecondAdminAad = "aaaaaaaa-0000-0000-0000-0000000000bd";
    private const string SecondAdminId = "29:admin-b";
    private const string SecondAdminChat = "a:admin-b-chat";
    private const int Members = 6;

    private FakeConnector _connector = null!;
    private TeamsSimulator _simulator = null!;
    private BotApplication _bot = null!;

    public bool RequireApproval { get; set; }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    private async Task StartAsync(bool requireApproval = false)
    {
        _connector = await FakeConnector.StartAsync();
        _simulator = new TeamsSimulator(50);
        _connector.Responder = _simulator.Respond;
        var settings = DeliveryHarness.FastSettings();
        settings["Admins:AadObjectIds:0"] = Activities.AdminAad;
        settings["Admins:AadObjectIds:1"] = SecondAdminAad;
        settings["Announcements:RequireApproval"] = requireApproval ? "true" : "false";
        settings["Announcements:ProgressInterval"] = "00:00:00.200";
        _bot = new BotApplication(settings);
        _bot.Start();
        await DeliveryHarness.SeedMembersAsync(_bot.Services, _connector.ServiceUrl, Members);
    }

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        if (_connector is not null) await _connector.DisposeAsync();
    }

    private static JsonObject Form(string audience = "all") => new()
    {
        ["title"] = "关于开展主题党日活动的通知",
        ["body"] = "请各支部于**12月4日**前报名。\n\n- 地点：机关三楼会议室",
        ["imageUrl"] = "https://example.org/banner.png",
        ["link1Title"] = "活动详情",
        ["link1Url"] = "https://example.org/detail",
        ["audience"] = audience,
        ["when"] = "now",
    };

    private async Task<JsonNode> ExecuteAsync(string verb, JsonObject data, string userId = AdminId, string aad = Activities.AdminAad, string chat = AdminChat)
    {
        var response = await _bot.PostActivityAsync(Activities.Execute(_connector.ServiceUrl, verb, data, userId: userId, aad: aad, conversationId: chat), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
    }

    private static string AnnouncementId(JsonNode invokeResponse) =>
        invokeResponse["value"]!["actions"]![0]!["data"]!["announcementId"]!.GetValue<string>();

    private static JsonObject Id(string id) => new() { ["announcementId"] = id };

    private Task WaitForMembersAsync(Func<int, bool> condition) =>
        _connector.WaitForAsync(_ => condition(Enumerable.Range(0, Members).Count(i => _simulator.Delivered.ContainsKey(DeliveryHarness.ChatId(DeliveryHarness.MemberId(i))))), TimeSpan.FromSeconds(20));

    [Fact]
    public async Task Compose_AdminPreviewsAndSends_EveryMemberGetsExactlyThePreviewedCardOnce()
    {
        await StartAsync();
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "发布公告", userId: AdminId, aad: Activities.AdminAad, conversationId: AdminChat), TestContext.Current.CancellationToken);
        var compose = Assert.Single(await _connector.WaitForSendsAsync(1));
        Assert.Contains("发送对象", compose.Card.Readable(), StringComparison.Ordinal);

        var preview = await ExecuteAsync("announce.preview", Form());
        var previewCard = (await _connector.WaitForAsync(c => c.Any(x => x.IsSend && x.ConversationId == AdminChat && x.Card.Readable().Contains("主题党日活动的通知", StringComparison.Ordinal))))
            .Last(x => x.IsSend && x.ConversationId == AdminChat).Card!;
        await ExecuteAsync("announce.send", Id(AnnouncementId(preview)));
        await WaitForMembersAsync(n => n == Members);

        var memberSends = _connector.Sends.Where(s => s.ConversationId!.StartsWith("a:dm-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Members, memberSends.Count);
        Assert.All(memberSends, s => Assert.True(JsonNode.DeepEquals(previewCard, s.Card), "The sent card differs from the preview."));
        Assert.Contains("https://example.org/detail", previewCard.Readable(), StringComparison.Ordinal);
        Assert.Contains("确认发送", preview.Readable(), StringComparison.Ordinal);
        var progress = await _connector.WaitForAsync(c => c.Any(x => x.Method == "PUT" && x.ConversationId == AdminChat && x.Card.Readable().Contains("发送报告", StringComparison.Ordinal)));
        Assert.Contains("已发送", progress.Last(x => x.Method == "PUT").Card.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonAdmin_ComposeApproveEditRecall_PoliteRefusalAndNothingChanges()
    {
        await StartAsync();
        var preview = await ExecuteAsync("announce.preview", Form());
        var id = AnnouncementId(preview);
        _connector.Clear();

        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "发布公告"), TestContext.Current.CancellationToken);
        foreach (var verb in new[] { "announce.send", "announce.approve", "announce.edit", "announce.recall", "announce.export" })
        {
            await ExecuteAsync(verb, Id(id), userId: Activities.UserId, aad: Activities.UserAad, chat: Activities.ConversationId);
        }

        var replies = await _connector.WaitForSendsAsync(6);
        Assert.All(replies, r => Assert.Contains("仅对管理员开放", r.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(_connector.Calls, c => c.ConversationId?.StartsWith("a:dm-", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(_connector.Calls, c => c.Method is "PUT" or "DELETE");
    }

    [Fact]
    public async Task Approval_AuthorCannotApproveSecondAdminCan_ThenMembersReceiveIt()
    {
        await StartAsync(requireApproval: true);
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "帮助", userId: SecondAdminId, aad: SecondAdminAad, conversationId: SecondAdminChat), TestContext.Current.CancellationToken);
        var id = AnnouncementId(await ExecuteAsync("announce.preview", Form()));

        var submitted = await ExecuteAsync("announce.send", Id(id));
        await _connector.WaitForAsync(c => c.Any(x => x.IsSend && x.ConversationId == SecondAdminChat && x.Card.Readable().Contains("批准发送", StringComparison.Ordinal)));
        await ExecuteAsync("announce.approve", Id(id));
        var selfApproval = await _connector.WaitForAsync(c => c.Any(x => x.Text?.Contains("发起人不能自己批准", StringComparison.Ordinal) == true));
        var sentBeforeApproval = _simulator.Delivered.Keys.Count(k => k.StartsWith("a:dm-", StringComparison.Ordinal));
        var approved = await ExecuteAsync("announce.approve", Id(id), userId: SecondAdminId, aad: SecondAdminAad, chat: SecondAdminChat);
        await WaitForMembersAsync(n => n == Members);

        Assert.Contains("等待另一位管理员批准", submitted.Readable(), StringComparison.Ordinal);
        Assert.Equal(0, sentBeforeApproval);
        Assert.Contains("您已批准", approved.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_EditOfAnApprovedAnnouncement_ReachesRecipientsOnlyAfterASecondApproval()
    {
        await StartAsync(requireApproval: true);
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "帮助", userId: SecondAdminId, aad: SecondAdminAad, conversationId: SecondAdminChat), TestContext.Current.CancellationToken);
        var id = AnnouncementId(await ExecuteAsync("announce.preview", Form()));
        await ExecuteAsync("announce.send", Id(id));
        await _connector.WaitForAsync(c => c.Any(x => x.IsSend && x.ConversationId == SecondAdminChat && x.Card.Readable().Contains("批准发送", StringComparison.Ordinal)));
        await ExecuteAsync("announce.approve", Id(id), userId: SecondAdminId, aad: SecondAdminAad, chat: SecondAdminChat);
        await WaitForMembersAsync(n => n == Members);

        // The author edits the delivered announcement and previews it (the old bypass: this replaced every member's message).
        var edit = Form();
        edit["announcementId"] = id;
        edit["body"] = "时间调整为12月5日，地点改为报告厅。";
        var submitted = await ExecuteAsync("announce.preview", edit);
        var request = (await _connector.WaitForAsync(c => c.Any(x => x.IsSend && x.ConversationId == SecondAdminChat && x.Card.Readable().Contains("批准修改", StringComparison.Ordinal))))
            .Last(x => x.IsSend && x.ConversationId == SecondAdminChat && x.Card.Readable().Contains("批准修改", StringComparison.Ordinal)).Card!;
        var shownToApprover = await _connector.WaitForAsync(c => c.Any(x => x.IsSend && x.ConversationId == SecondAdminChat && x.Card.Readable().Contains("报告厅", StringComparison.Ordinal)));
        var approval = Feedback.FeedbackHost.ActionData(request, "announce.approve");
        var selfApproval = await ExecuteAsync("announce.approve", approval);
        var stale = approval.DeepClone().AsObject();
        stale["editToken"] = "0000000000000000";
        var staleApproval = await ExecuteAsync("announce.approve", stale, userId: SecondAdminId, aad: SecondAdminAad, chat: SecondAdminChat);
        await _connector.WaitForAsync(c => c.Any(x => x.Text?.Contains("发起人不能自己批准", StringComparison.Ordinal) == true), TimeSpan.FromSeconds(30));
        bool MemberEdited(ConnectorCall x) => x.Method == "PUT" && x.ConversationId!.StartsWith("a:dm-", StringComparison.Ordinal) && x.Card.Readable().Contains("报告厅", StringComparison.Ordinal);
        var editedBeforeApproval = _connector.Calls.Count(MemberEdited);

        var approved = await ExecuteAsync("announce.approve", approval, userId: SecondAdminId, aad: SecondAdminAad, chat: SecondAdminChat);
        var edits = await _connector.WaitForAsync(c => c.Count(MemberEdited) >= Members, TimeSpan.FromSeconds(30));

        Assert.Contains("提交审批", submitted.Readable(), StringComparison.Ordinal);
        Assert.Equal(0, editedBeforeApproval);
        Assert.Contains("已被更新的修改取代", staleApproval.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("您已批准", selfApproval.Readable(), StringComparison.Ordinal);
        Assert.Contains("您已批准修改", approved.Readable(), StringComparison.Ordinal);
        Assert.Equal(Members, edits.Where(MemberEdited).Select(x => x.ConversationId).Distinct().Count());
        Assert.Equal(Members, _simulator.Delivered.Keys.Count(k => k.StartsWith("a:dm-", StringComparison.Ordinal)));
        Assert.NotEmpty(shownToApprover);
    }

    [Fact]
    public async Task EditAndRecall_AfterSending_UpdateTheMessageInEveryRecipientsChat()
    {
        await StartAsync();
        var id = AnnouncementId(await ExecuteAsync("announce.preview", Form()));
        await ExecuteAsync("announce.send", Id(id));
        await WaitForMembersAsync(n => n == Members);
        await _connector.WaitForAsync(c => c.Any(x => x.Method == "PUT" && x.Card.Readable().Contains("发送报告", StringComparison.Ordinal)));

        var edit = Form();
        edit["announcementId"] = id;
        edit["body"] = "时间调整为12月5日。";
        await ExecuteAsync("announce.preview", edit);
        var edits = await _connector.WaitForAsync(c => c.Count(x => x.Method == "PUT" && x.ConversationId!.StartsWith("a:dm-", StringComparison.Ordinal)) >= Members);
        await ExecuteAsync("announce.recall", Id(id));
        var recalls = await _connector.WaitForAsync(c => c.Count(x => x.Method == "PUT" && x.ConversationId!.StartsWith("a:dm-", StringComparison.Ordinal)
            && x.Card.Readable().Contains("此公告已撤回", StringComparison.Ordinal)) >= Members);

        Assert.All(edits.Where(x => x.Method == "PUT" && x.ConversationId!.StartsWith("a:dm-", StringComparison.Ordinal)).Take(Members),
            x => Assert.Contains("12月5日", x.Card.Readable(), StringComparison.Ordinal));
        // Counted over the seeded members' chats, as the edits are: the admin, known from the compose turns, is in 全体成员
        // too, and whether their copy was sent (and so recalled) before the recall depends on the outbox's order.
        Assert.Equal(Members, recalls.Where(x => x.Method == "PUT" && x.ConversationId!.StartsWith("a:dm-", StringComparison.Ordinal)
            && x.Card.Readable().Contains("此公告已撤回", StringComparison.Ordinal)).Select(x => x.ConversationId).Distinct().Count());
        Assert.Equal(Members, _simulator.Delivered.Keys.Count(k => k.StartsWith("a:dm-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Export_AfterSending_LinkGivesPerRecipientCsvWithBom()
    {
        await StartAsync();
        var id = AnnouncementId(await ExecuteAsync("announce.preview", Form()));
        await ExecuteAsync("announce.send", Id(id));
        await WaitForMembersAsync(n => n == Members);
        await _connector.WaitForAsync(c => c.Any(x => x.Method == "PUT" && x.Card.Readable().Contains("发送报告", StringComparison.Ordinal)));

        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "导出发送结果", userId: AdminId, aad: Activities.AdminAad, conversationId: AdminChat), TestContext.Current.CancellationToken);
        var reply = await _connector.WaitForAsync(c => c.Any(x => x.Text?.Contains("/api/admin/downloads/", StringComparison.Ordinal) == true));
        var text = reply.Last(x => x.Text?.Contains("/api/admin/downloads/", StringComparison.Ordinal) == true).Text!;
        var path = text[text.IndexOf("/api/admin/downloads/", StringComparison.Ordinal)..text.LastIndexOf(')')];
        using var client = _bot.CreateClient();
        var bytes = await client.GetByteArrayAsync(path, TestContext.Current.CancellationToken);
        var again = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var wrong = await client.GetAsync(path[..^4] + "0000", TestContext.Current.CancellationToken);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("收件人", lines[0], StringComparison.Ordinal);
        Assert.Equal(Members + 1, lines.Count(l => l.Contains("已发送", StringComparison.Ordinal)));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Gone, again.StatusCode); // one-time, like every admin download
        Assert.True(again.Headers.CacheControl?.NoStore);
    }
}
