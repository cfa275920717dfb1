using System.Text.Json.Nodes;
using OrganBot.Cards.Announcements;
using OrganBot.Cards.Welcome;
using OrganBot.Tests.Fakes;
using OrganBot.Tests.Feedback;

namespace OrganBot.Tests.Conversation;

/// <summary>Issue 13: admin screens as cards with buttons — 管理, 公告列表, 反馈列表 (one click, refresh), 办结 with a closing note.</summary>
public sealed class AdminScreensTests : IAsyncLifetime
{
    private FeedbackHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await FeedbackHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AdminMenu_GroupsEveryCommand_AndEveryButtonIsAnswered()
    {
        await _host.AdminSaysAsync("管理");
        var card = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation)).Card!;
        var texts = card.Readable();
        foreach (var group in new[] { "提醒", "反馈", "公告", "问答" })
        {
            Assert.Contains(card["body"]!.AsArray(), e => e!["text"]?.GetValue<string>() == group);
        }

        var buttons = Buttons(card).ToList();
        foreach (var command in new[] { "提醒管理", "出勤统计", "反馈列表", "导出反馈", "发布公告", "公告列表", "导出发送结果", "问答统计", "问答待办" })
        {
            Assert.Contains(buttons, b => b["data"]!["text"]!.GetValue<string>() == command);
        }

        foreach (var button in buttons)
        {
            _host.Connector.Clear();
            var body = await _host.AdminExecuteAsync(WelcomeCard.CommandVerb, button["data"]!.AsObject());
            var reply = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation)).Body.Readable();
            Assert.DoesNotContain("\"text\":\"讲话未涉及\"", reply, StringComparison.Ordinal);
            Assert.DoesNotContain("没有理解", reply, StringComparison.Ordinal);
            Assert.DoesNotContain("已失效", reply, StringComparison.Ordinal);
            Assert.NotNull(body);
        }
    }

    [Fact]
    public async Task AdminMenu_InEnglish_HalfWidth_AndNotForMembersOrSharedChats()
    {
        await _host.AdminSaysAsync("admin");
        var english = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation)).Card!;
        await _host.MemberSaysAsync("管理");
        var refusal = await _host.WaitForSendAsync(Activities.ConversationId);
        var channel = Activities.Message(_host.Connector.ServiceUrl, "<at>OrganBot</at> 管理", FeedbackHost.AdminId, Activities.AdminAad, "19:ch@thread.tacv2");
        channel["conversation"]!["conversationType"] = "channel";
        channel["channelData"]!["team"] = new JsonObject { ["id"] = "19:ch@thread.tacv2" };
        await _host.Bot.PostActivityAsync(channel, _host.Ct);
        var inChannel = await _host.WaitForSendAsync("19:ch@thread.tacv2");

        Assert.Contains("Attendance", Buttons(english).Select(b => b["title"]!.GetValue<string>()));
        Assert.Empty(EnglishText.FullWidthBesideLatin(english));
        Assert.Null(refusal.Card);
        Assert.Contains("仅对管理员开放", refusal.Text, StringComparison.Ordinal);
        Assert.Null(inChannel.Card);
        Assert.Contains("私聊", inChannel.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnouncementList_IsACard_WithStatusAndActions()
    {
        var preview = await _host.AdminExecuteAsync("announce.preview", new JsonObject
        {
            ["title"] = "关于开展主题党日活动的通知", ["body"] = "请各支部按时参加。", ["audience"] = "all", ["when"] = "now",
        });
        var id = preview["value"]!["actions"]![0]!["data"]!["announcementId"]!.GetValue<string>();
        _host.Connector.Clear();

        await _host.AdminSaysAsync("公告列表");
        var list = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation)).Card!;
        var open = Buttons(list).Single(b => b["verb"]!.GetValue<string>() == AnnouncementListCard.OpenVerb);
        var control = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync(AnnouncementListCard.OpenVerb, open["data"]!.AsObject()));
        var refreshed = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync(AnnouncementListCard.ListVerb, []));

        Assert.Contains("关于开展主题党日活动的通知", list.Readable(), StringComparison.Ordinal);
        Assert.Contains("状态：草稿", list.Readable(), StringComparison.Ordinal);
        Assert.Equal(id, open["data"]!["announcementId"]!.GetValue<string>());
        Assert.True(FeedbackHost.HasAction(control, "announce.send"));
        Assert.Contains("状态：草稿", refreshed.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackList_OpenInOneClick_RefreshShowsChanges_ResolveAsksAndSendsTheNote()
    {
        var confirm = await _host.FillFormAsync("希望食堂增加晚餐供应。");
        await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit"));
        await _host.WaitForSendAsync(FeedbackHost.AdminConversation, c => c.Card.Readable().Contains("希望食堂增加晚餐供应", StringComparison.Ordinal));
        _host.Connector.Clear();

        await _host.AdminSaysAsync("反馈列表");
        var list = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation)).Card!;
        Assert.DoesNotContain("Action.ShowCard", list.Readable(), StringComparison.Ordinal);
        Assert.NotNull(list["refresh"]);
        var open = Buttons(list).Single(b => b["verb"]!.GetValue<string>() == "feedback.admin.open");
        await _host.AdminExecuteAsync("feedback.admin.open", open["data"]!.AsObject());
        var ticket = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation, c => c.Card.Readable().Contains("希望食堂增加晚餐供应", StringComparison.Ordinal))).Card!;
        var accepted = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.accept", FeedbackHost.ActionData(ticket, "feedback.admin.accept")));
        var refreshed = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.list", list["refresh"]!["action"]!["data"]!.AsObject()));
        Assert.Contains("已受理", refreshed.Readable(), StringComparison.Ordinal);

        var resolveButton = Descendants(accepted).Single(a => a["type"]?.GetValue<string>() == "Action.ShowCard" && a["title"]!.GetValue<string>() == "办结");
        Assert.Contains("确认办结", resolveButton.Readable(), StringComparison.Ordinal);
        var resolve = FeedbackHost.ActionData(accepted, "feedback.admin.resolve");
        resolve["closingNote"] = "已与后勤中心协调，下周起供应晚餐。";
        var resolved = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.resolve", resolve));

        Assert.Contains("已办结", resolved.Readable(), StringComparison.Ordinal);
        var rating = await _host.WaitForSendAsync(Activities.ConversationId, c => c.Card is not null && FeedbackHost.HasAction(c.Card, "feedback.rate"));
        Assert.Contains("已与后勤中心协调，下周起供应晚餐。", rating.Card.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_OverlongNote_IsRefusedAndChangesNothing()
    {
        var confirm = await _host.FillFormAsync("建议增加职工书屋开放时间。");
        await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit"));
        var ticket = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation, c => c.Card.Readable().Contains("职工书屋", StringComparison.Ordinal))).Card!;

        var resolve = FeedbackHost.ActionData(ticket, "feedback.admin.resolve");
        resolve["closingNote"] = new string('长', 5000);
        var card = FeedbackHost.InvokeCard(await _host.AdminExecuteAsync("feedback.admin.resolve", resolve));

        Assert.Contains("上限", card.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("已办结", card.Readable(), StringComparison.Ordinal);
        Assert.True(FeedbackHost.HasAction(card, "feedback.admin.resolve"));
    }

    private static IEnumerable<JsonObject> Buttons(JsonNode card) => Descendants(card).Where(n => n["type"]?.GetValue<string>() == "Action.Execute");

    // The Action.Submit fallbacks and the refresh action repeat the buttons; they are not more buttons.
    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => CardTree.Descendants(node, "fallback", "refresh");
}
