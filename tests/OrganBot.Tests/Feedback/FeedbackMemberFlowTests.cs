using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Feedback;

public sealed class FeedbackMemberFlowTests : IAsyncLifetime
{
    private FeedbackHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await FeedbackHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task MemberFlow_ValidationErrorThenCorrection_EndsWithNumberedReceiptAndAdminCard()
    {
        // The welcome card's 我要反馈 button (verb "command") behaves like typing it.
        await _host.ExecuteAsync("command", new JsonObject { ["text"] = "我要反馈" });
        var form = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!;
        Assert.Contains("暖心工程", form.Readable(), StringComparison.Ordinal);

        // Empty content: the card comes back with the error and keeps the chosen category.
        var empty = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.form.submit", FeedbackHost.Inputs(form, "feedback.form.submit", "life", "   ", anonymous: false)));
        Assert.Contains("内容不能为空", empty.Readable(), StringComparison.Ordinal);
        Assert.Contains("\"value\":\"life\"", empty.Readable(), StringComparison.Ordinal);

        // Too long: the error names the limit and the typed text is still there.
        var tooLong = new string('长', 2001);
        var longCard = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.form.submit", FeedbackHost.Inputs(empty, "feedback.form.submit", "life", tooLong, anonymous: false)));
        Assert.Contains("2000", longCard.Readable(), StringComparison.Ordinal);
        Assert.Contains(tooLong, longCard.Readable(), StringComparison.Ordinal);

        // The first card's id is now stale: pressing it again is refused.
        await _host.ExecuteAsync("feedback.form.submit", FeedbackHost.Inputs(form, "feedback.form.submit", "life", "旧卡片", anonymous: false));
        await _host.WaitForTextAsync(Activities.ConversationId, "卡片已失效");

        var confirm = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.form.submit",
            FeedbackHost.Inputs(longCard, "feedback.form.submit", "life", "希望食堂晚餐延长到七点，方便加班的同志。", anonymous: false, contact: "phone", contactDetail: "13800000000")));
        Assert.Contains("请确认", confirm.Readable(), StringComparison.Ordinal);
        Assert.Contains("希望食堂晚餐延长到七点", confirm.Readable(), StringComparison.Ordinal);

        var receipt = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit")));
        Assert.Contains("NX-2026-0001", receipt.Readable(), StringComparison.Ordinal);
        Assert.Contains("接下来", receipt.Readable(), StringComparison.Ordinal);
        Assert.False(FeedbackHost.HasAction(receipt, "feedback.confirm.submit"));

        var adminCard = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation)).Card!;
        Assert.Contains("NX-2026-0001", adminCard.Readable(), StringComparison.Ordinal);
        Assert.Contains(FeedbackHost.MemberName, adminCard.Readable(), StringComparison.Ordinal);
        Assert.Contains("13800000000", adminCard.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmCard_PressedTwice_CreatesOneTicket()
    {
        var confirm = await _host.FillFormAsync("办公室空调坏了一周了。");
        var data = FeedbackHost.ActionData(confirm, "feedback.confirm.submit");

        var bodies = await Task.WhenAll(_host.ExecuteAsync("feedback.confirm.submit", data), _host.ExecuteAsync("feedback.confirm.submit", data));
        var third = await _host.ExecuteAsync("feedback.confirm.submit", data);

        Assert.Single(bodies.Concat([third]), b => b["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive");
        await _host.WaitForTextAsync(Activities.ConversationId, "卡片已失效");
        await _host.WaitForSendAsync(FeedbackHost.AdminConversation);
        Assert.Single(_host.Connector.Sends, c => c.ConversationId == FeedbackHost.AdminConversation);
        _host.Connector.Clear();
        await _host.MemberSaysAsync("我的反馈");
        var mine = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!.Readable();
        Assert.Contains("NX-2026-0001", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("NX-2026-0002", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_InTheMiddleOfTheDialog_ResumesWhereTheMemberLeft()
    {
        var confirm = await _host.FillFormAsync("重启之前写下的内容：希望组织读书会。", category: "political");

        await _host.RestartAsync();
        _host.Connector.Clear();
        var back = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.confirm.edit", FeedbackHost.ActionData(confirm, "feedback.confirm.edit")));
        var confirmAgain = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.form.submit",
            FeedbackHost.Inputs(back, "feedback.form.submit", "political", "重启之前写下的内容：希望组织读书会。", anonymous: false)));
        var receipt = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirmAgain, "feedback.confirm.submit")));

        Assert.Contains("重启之前写下的内容", back.Readable(), StringComparison.Ordinal);
        Assert.Contains("NX-2026-0001", receipt.Readable(), StringComparison.Ordinal);
        var adminCard = (await _host.WaitForSendAsync(FeedbackHost.AdminConversation)).Card!;
        Assert.Contains("希望组织读书会", adminCard.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_ConfirmCardFromBeforeRestart_StillSubmits()
    {
        var confirm = await _host.FillFormAsync("希望增加心理咨询服务。", category: "psychological");

        await _host.RestartAsync();
        var receipt = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit")));

        Assert.Contains("NX-2026-0001", receipt.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypingFeedbackAgain_MidDialog_ResendsTheFormWithWhatWasTyped()
    {
        var confirm = await _host.FillFormAsync("还没提交的内容。");
        _host.Connector.Clear();

        await _host.MemberSaysAsync("反馈");

        var card = (await _host.WaitForSendAsync(Activities.ConversationId, c => c.Card is not null)).Card!;
        Assert.Contains("还没提交的内容", card.Readable(), StringComparison.Ordinal);
        // The resent card is the valid one now; the old confirm card is stale.
        await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit"));
        await _host.WaitForTextAsync(Activities.ConversationId, "卡片已失效");
        var receipt = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(card, "feedback.confirm.submit")));
        Assert.Contains("NX-2026-0001", receipt.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionMidDialog_IsAnsweredElsewhere_AndTheFormStaysValid()
    {
        await _host.MemberSaysAsync("反馈");
        var form = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!;
        _host.Connector.Clear();

        await _host.MemberSaysAsync("主题党日要怎么搞？");
        var answer = await _host.WaitForSendAsync(Activities.ConversationId);
        var confirm = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.form.submit", FeedbackHost.Inputs(form, "feedback.form.submit", "work", "问完问题后继续填写。", anonymous: false)));

        Assert.DoesNotContain("暖心工程", answer.Body.Readable(), StringComparison.Ordinal);
        Assert.Contains("请确认", confirm.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_MidDialog_LeavesItAndTheOldCardIsRefused()
    {
        await _host.MemberSaysAsync("feedback");
        var form = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!;

        await _host.MemberSaysAsync("取消");
        await _host.WaitForTextAsync(Activities.ConversationId, "已取消");
        await _host.ExecuteAsync("feedback.form.submit", FeedbackHost.Inputs(form, "feedback.form.submit", "work", "取消后再提交", anonymous: false));

        await _host.WaitForTextAsync(Activities.ConversationId, "卡片已失效");
        Assert.DoesNotContain(_host.Connector.Sends, c => c.ConversationId == FeedbackHost.AdminConversation);
    }

    [Fact]
    public async Task TamperedCategory_IsAValidationErrorNotAnException()
    {
        await _host.MemberSaysAsync("暖心");
        var form = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!;

        var card = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.form.submit", FeedbackHost.Inputs(form, "feedback.form.submit", "1", "内容", anonymous: false, contact: "fax")));

        Assert.Contains("请选择类别", card.Readable(), StringComparison.Ordinal);
        Assert.Contains("请从列表中选择联系方式", card.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentSubmissions_GetDistinctSequentialNumbers()
    {
        const int members = 6;
        var confirms = new List<(int I, JsonObject Card)>();
        for (var i = 0; i < members; i++)
        {
            confirms.Add((i, await _host.FillFormAsync($"并发反馈 {i}", userId: $"29:member-c{i}", aad: $"aaaaaaaa-0000-0000-0000-0000000001{i:D2}", conversationId: $"a:personal-c{i}")));
        }

        var receipts = await Task.WhenAll(confirms.Select(c => _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(c.Card, "feedback.confirm.submit"),
            userId: $"29:member-c{c.I}", aad: $"aaaaaaaa-0000-0000-0000-0000000001{c.I:D2}", conversationId: $"a:personal-c{c.I}")));

        var numbers = receipts.Select(r => System.Text.RegularExpressions.Regex.Match(r.Readable(), "NX-2026-\\d{4}").Value).Order().ToList();
        Assert.Equal(Enumerable.Range(1, members).Select(n => $"NX-2026-{n:D4}"), numbers);
    }
    [Fact]
    public async Task SubmitFallback_SameHandler_UpdatesTheCardMessageInPlace()
    {
        await _host.MemberSaysAsync("反馈");
        var form = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!;
        var data = FeedbackHost.Inputs(form, "feedback.form.submit", "other", "用 Action.Submit 回退路径提交。", anonymous: true);

        await _host.Bot.PostActivityAsync(Activities.Submit(_host.Connector.ServiceUrl, "feedback.form.submit", data, replyToId: "form-msg"), _host.Ct);
        var update = (await _host.Connector.WaitForAsync(cs => cs.Any(c => c.Method == "PUT"))).First(c => c.Method == "PUT");
        await _host.Bot.PostActivityAsync(Activities.Submit(_host.Connector.ServiceUrl, "feedback.confirm.submit", FeedbackHost.ActionData(update.Card!, "feedback.confirm.submit"), replyToId: "form-msg"), _host.Ct);

        Assert.Equal($"/v3/conversations/{Activities.ConversationId}/activities/form-msg", update.Path);
        Assert.Contains("请确认", update.Card.Readable(), StringComparison.Ordinal);
        await _host.Connector.WaitForAsync(cs => cs.Any(c => c.Method == "PUT" && c.Card.Readable().Contains("NX-2026-0001", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EnglishLocale_FormAndReceipt_AreInEnglish()
    {
        await _host.Bot.PostActivityAsync(Activities.Message(_host.Connector.ServiceUrl, "feedback", locale: "en-US"), _host.Ct);
        var form = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!;
        var activity = Activities.Execute(_host.Connector.ServiceUrl, "feedback.form.submit", FeedbackHost.Inputs(form, "feedback.form.submit", "work", "", anonymous: false), locale: "en-US");

        var response = await _host.Bot.PostActivityAsync(activity, _host.Ct);

        Assert.Contains("Give feedback", form.Readable(), StringComparison.Ordinal);
        Assert.Contains("Please describe your request", await response.Content.ReadAsStringAsync(_host.Ct), StringComparison.Ordinal);
    }
}
