using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Reminders;

/// <summary>
/// Issue 13 for reminders, over real HTTP: 参加 / 请假 wherever an occurrence is shown, the late first reminder, the order
/// of 出勤统计, 请假 to the approvers, a group chat as the audience, the per-member 台账 and the English form.
/// </summary>
public sealed class ReminderUxTests : ReminderTestBase
{
    private const string ChatId = "19:branch-chat@thread.v2";

    private async Task<string> MemberAsync(BotApplication bot, string verb, JsonObject data, string? userId = null, string? aad = null, string? conversationId = null, string locale = "zh-CN")
    {
        var press = Activities.Execute(Connector.ServiceUrl, verb, data, userId: userId, aad: aad, conversationId: conversationId, locale: locale);
        if (conversationId == ChatId) press["conversation"]!["conversationType"] = "groupChat";
        return await InvokeAsync(bot, press);
    }

    private async Task<JsonObject> AdminCommandAsync(BotApplication bot, string text)
    {
        Connector.Clear();
        await bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, text, "29:admin", Activities.AdminAad, "a:personal-admin"), Ct);
        return Assert.Single(await Connector.WaitForSendsAsync(1)).Card!;
    }

    private static async Task<Rsvp?> RsvpOfAsync(BotApplication bot, string occurrence, string memberId)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IReminderStore>().FindRsvpAsync(occurrence, memberId, Ct);
    }

    /// <summary>The values of a card's choice set, in the order shown.</summary>
    private static List<string> ChoiceValues(JsonNode? node, string inputId)
    {
        if (node is JsonObject o)
        {
            if (o["type"]?.GetValue<string>() == "Input.ChoiceSet" && o["id"]?.GetValue<string>() == inputId)
            {
                return [.. o["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>())];
            }

            foreach (var (_, child) in o)
            {
                if (ChoiceValues(child, inputId) is { Count: > 0 } found) return found;
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                if (ChoiceValues(child, inputId) is { Count: > 0 } found) return found;
            }
        }

        return [];
    }

    /// <summary>Every text a member reads on the card (TextBlocks, facts, choice titles, labels, button titles).</summary>
    private static List<string> Texts(JsonNode? node)
    {
        var texts = new List<string>();
        if (node is JsonObject o)
        {
            foreach (var key in new[] { "text", "title", "value", "label", "placeholder" })
            {
                if (o[key] is JsonValue v && v.TryGetValue<string>(out var s) && !(key == "value" && o["type"]?.GetValue<string>() is string t && t.StartsWith("Input.", StringComparison.Ordinal))) texts.Add(s);
            }

            foreach (var (key, child) in o)
            {
                if (key is not ("data" or "fallback")) texts.AddRange(Texts(child));
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a) texts.AddRange(Texts(child));
        }

        return texts;
    }

    private static string DataOf(JsonObject card, string verb, string key) =>
        JsonNode.Parse(card.ToJsonString())!.AsObject()["actions"]!.AsArray().First(a => a!["verb"]?.GetValue<string>() == verb)!["data"]![key]!.GetValue<string>();

    [Fact]
    public async Task MyReminders_OffersAttendAndLeavePerOccurrence_AndRecordsTheAnswerThere()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);
        var occurrence = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5));

        await bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "我的提醒"), Ct);
        var my = Assert.Single(await Connector.WaitForSendsAsync(1)).Card.Readable();
        Connector.Clear();
        var leave = await MemberAsync(bot, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "leave", ["from"] = "my", ["reasonField"] = "reason-0", ["reason-0"] = "当天出差" });
        var leaveStored = await RsvpOfAsync(bot, occurrence, Activities.UserId);
        var attend = await MemberAsync(bot, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "attend", ["from"] = "my" });
        // A crafted press naming another field as the reason reads nothing from it.
        var crafted = await MemberAsync(bot, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "leave", ["from"] = "my", ["reasonField"] = "occurrence" });

        Assert.Contains("尚未答复", my, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"remind.rsvp\"", my, StringComparison.Ordinal);
        Assert.Contains(occurrence, my, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"reason-0\"", my, StringComparison.Ordinal);
        Assert.Contains("我的提醒", leave, StringComparison.Ordinal);
        Assert.Contains("您已请假：当天出差", leave, StringComparison.Ordinal);
        Assert.Equal(("当天出差", LeaveApproval.None), (leaveStored!.Reason, leaveStored.Approval));
        Assert.Contains("您已确认参加", attend, StringComparison.Ordinal);
        Assert.Contains("请假需要填写原因", crafted, StringComparison.Ordinal);
        Assert.Equal(RsvpAnswer.Attend, (await RsvpOfAsync(bot, occurrence, Activities.UserId))!.Answer);
        Assert.Empty(Connector.Sends); // no approvers: a 请假 is only recorded, as before
    }

    [Fact]
    public async Task Preview_ShowsTheButtonsMarkedAsPreview_AndPressingThemRecordsNothing()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);

        await AdminAsync(bot, "remind.admin.preview", new JsonObject { ["eventId"] = ev.Id });
        var preview = Assert.Single(await Connector.WaitForSendsAsync(1)).Card.Readable();
        var pressed = await AdminAsync(bot, "remind.admin.previewPress", new JsonObject { ["eventId"] = ev.Id, ["answer"] = "attend" });
        Connector.Clear();
        await bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, "remind.admin.previewPress", new JsonObject { ["eventId"] = ev.Id, ["answer"] = "attend" }), Ct);
        var memberPress = Assert.Single(await Connector.WaitForSendsAsync(1));

        Assert.Contains("参加（预览）", preview, StringComparison.Ordinal);
        Assert.Contains("请假（预览）", preview, StringComparison.Ordinal);
        Assert.Contains("按钮仅作展示", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("\"verb\":\"remind.rsvp\"", preview, StringComparison.Ordinal);
        Assert.Contains("这是预览，按钮不会记录答复", pressed, StringComparison.Ordinal);
        Assert.Contains("仅对管理员开放", memberPress.Text, StringComparison.Ordinal);
        await using var scope = bot.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IReminderStore>().ListRsvpsAsync(OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5)), Ct));
    }

    [Fact]
    public async Task SavingAfterTheFirstReminderTime_Warns_AndSendNowSendsItOnce()
    {
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 3, 0, 0, 0, TimeSpan.Zero)); // Wed 08:00: the Tuesday 09:00 reminder has passed
        var bot = StartBot();
        await SeedMembersAsync(bot);

        var saved = await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);
        var occurrence = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5));
        await bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, "remind.admin.sendNow", new JsonObject { ["eventId"] = ev.Id, ["occurrence"] = occurrence }), Ct);
        var refused = Assert.Single(await Connector.WaitForSendsAsync(1));
        Connector.Clear();
        var sent = await AdminAsync(bot, "remind.admin.sendNow", new JsonObject { ["eventId"] = ev.Id, ["occurrence"] = occurrence });
        var cards = (await Connector.WaitForSendsAsync(Members)).Select(s => s.Card.Readable()).ToList();
        await Deliveries.WaitForAsync(Members);
        var again = await AdminAsync(bot, "remind.admin.sendNow", new JsonObject { ["eventId"] = ev.Id, ["occurrence"] = occurrence });
        var crafted = await AdminAsync(bot, "remind.admin.sendNow", new JsonObject { ["eventId"] = ev.Id, ["occurrence"] = "someother:20270205" });
        await RunDispatcherAsync(bot, ev.Id);

        Assert.Contains("第一次提醒的时间已经过去", saved, StringComparison.Ordinal);
        Assert.Contains("原定 2027年2月2日（周二）09:00（北京时间） 发送的提醒已经错过", saved, StringComparison.Ordinal);
        Assert.Contains("下一次提醒将于 2027年2月5日（周五）14:00（北京时间） 发送", saved, StringComparison.Ordinal);
        Assert.Contains("现在发送", saved, StringComparison.Ordinal);
        Assert.Contains("跳过这一次", saved, StringComparison.Ordinal);
        Assert.Contains("仅对管理员开放", refused.Text, StringComparison.Ordinal);
        Assert.Contains("已开始发送提醒（3 位接收者）", sent, StringComparison.Ordinal);
        Assert.All(cards, c => Assert.Contains("2027年2月5日（周五）15:00（北京时间）", c, StringComparison.Ordinal));
        Assert.Contains("已经发送过", again, StringComparison.Ordinal);
        Assert.Contains("该活动已不存在", crafted, StringComparison.Ordinal);
        Assert.Equal(Members, Connector.Sends.Count);
    }

    [Fact]
    public async Task SkippingTheMissedReminder_SendsNothingNow_AndTheNextReminderStillGoesOut()
    {
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 3, 0, 0, 0, TimeSpan.Zero));
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);

        var skipped = await AdminAsync(bot, "remind.admin.skipLate", new JsonObject { ["eventId"] = ev.Id, ["occurrence"] = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5)) });
        await RunDispatcherAsync(bot, ev.Id);
        var beforeNext = Connector.Sends.Count;
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 5, 6, 0, 0, TimeSpan.Zero)); // the 1-hour reminder
        await RunDispatcherAsync(bot, ev.Id);

        Assert.Contains("已跳过“主题党日”错过的这次提醒", skipped, StringComparison.Ordinal);
        Assert.Equal(0, beforeNext);
        Assert.Equal(Members, (await Connector.WaitForSendsAsync(Members)).Count);
    }

    [Fact]
    public async Task Attendance_ListsTheNextOccurrenceFirst_ThenPastOnesNewestFirst_NeverBeforeTheEventExisted()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData("每周三 15:00")); // created Mon 1 Feb 2027
        var ev = await SingleEventAsync(bot);
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 20, 0, 0, 0, TimeSpan.Zero));

        var picker = await AdminCommandAsync(bot, "出勤统计");
        var stats = JsonNode.Parse(await AdminAsync(bot, "remind.admin.stats", new JsonObject { ["eventId"] = ev.Id }));

        string[] expected = [.. new[] { "20270224", "20270217", "20270210", "20270203" }.Select(d => $"{ev.Id}:{d}")];
        Assert.Equal(expected, ChoiceValues(picker, "occurrence"));
        Assert.Equal(expected, ChoiceValues(stats, "occurrence"));
    }

    [Fact]
    public async Task LeaveWithApprovers_GoesToTheSecretary_WhoseDecisionTheMemberIsTold_AndOnlyTheyCanDecide()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        var data = SaveData();
        data["approvers"] = "group:支部委员"; // member 2, the branch secretary
        await AdminAsync(bot, "remind.admin.save", data);
        var ev = await SingleEventAsync(bot);
        var occurrence = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5));

        var asked = await MemberAsync(bot, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "leave", ["reason"] = "外出调研" });
        var request = Assert.Single(await Connector.WaitForSendsAsync(1));
        await Deliveries.WaitForAsync(1);
        var version = DataOf(request.Card!, "remind.leave.decide", "version");
        JsonObject Decide(string decision, string? note = null, string? v = null) => new()
        {
            ["occurrence"] = occurrence, ["member"] = Activities.UserId, ["version"] = v ?? version, ["decision"] = decision, ["note"] = note ?? "",
        };

        // The member approving their own leave, a stale card and a made-up decision change nothing.
        Connector.Clear();
        await bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, "remind.leave.decide", Decide("approve")), Ct);
        var selfApproval = Assert.Single(await Connector.WaitForSendsAsync(1));
        var stale = await MemberAsync(bot, "remind.leave.decide", Decide("approve", v: "1"), Member2, Member2Aad, "a:personal-2");
        var madeUp = await MemberAsync(bot, "remind.leave.decide", Decide("maybe"), Member2, Member2Aad, "a:personal-2");
        var pending = await RsvpOfAsync(bot, occurrence, Activities.UserId);

        var approved = await MemberAsync(bot, "remind.leave.decide", Decide("approve", "请会后自学会议材料"), Member2, Member2Aad, "a:personal-2");
        var told = await Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == Activities.ConversationId && (c.Text ?? "").Contains("已批准", StringComparison.Ordinal)));
        var twice = await MemberAsync(bot, "remind.leave.decide", Decide("reject"), Member2, Member2Aad, "a:personal-2");
        var statsApproved = await AdminAsync(bot, "remind.admin.stats", new JsonObject { ["occurrence"] = occurrence });

        Assert.Contains("已报审批人审批", asked, StringComparison.Ordinal);
        Assert.Contains("等待审批", asked, StringComparison.Ordinal);
        Assert.Equal("a:personal-2", request.ConversationId);
        Assert.Contains("请假审批", request.Card.Readable(), StringComparison.Ordinal);
        Assert.Contains("外出调研", request.Card.Readable(), StringComparison.Ordinal);
        Assert.Contains("只有该活动指定的审批人或管理员可以审批", selfApproval.Text, StringComparison.Ordinal);
        Assert.Contains("已修改或撤回", stale, StringComparison.Ordinal);
        Assert.Contains("请选择“批准”或“不批准”", madeUp, StringComparison.Ordinal);
        Assert.Equal(LeaveApproval.Pending, pending!.Approval);
        Assert.Contains("已批准", approved, StringComparison.Ordinal);
        Assert.Contains("您的请假已批准", told.Last(c => c.ConversationId == Activities.ConversationId).Text, StringComparison.Ordinal);
        Assert.Contains("请会后自学会议材料", told.Last(c => c.ConversationId == Activities.ConversationId).Text, StringComparison.Ordinal);
        Assert.Contains("该申请已处理", twice, StringComparison.Ordinal);
        Assert.Contains("请假（已批准）（1）", statsApproved, StringComparison.Ordinal);
        Assert.Contains("请会后自学会议材料", statsApproved, StringComparison.Ordinal);

        // A new reason is a new request; an admin may decide it too. After the start, no answer is 缺席.
        Connector.Clear();
        await MemberAsync(bot, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "leave", ["reason"] = "临时出差" });
        var second = Assert.Single(await Connector.WaitForSendsAsync(1));
        var rejected = await AdminAsync(bot, "remind.leave.decide", Decide("reject", v: DataOf(second.Card!, "remind.leave.decide", "version")));
        var toldNo = await Connector.WaitForAsync(calls => calls.Any(c => c.ConversationId == Activities.ConversationId && (c.Text ?? "").Contains("未获批准", StringComparison.Ordinal)));
        await WaitForDeliveriesSettledAsync(bot);
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 5, 8, 0, 0, TimeSpan.Zero));
        var statsAfter = await AdminAsync(bot, "remind.admin.stats", new JsonObject { ["occurrence"] = occurrence });
        var csv = await DownloadLedgerAsync(bot, new JsonObject { ["occurrence"] = occurrence });

        Assert.Contains("临时出差", second.Card.Readable(), StringComparison.Ordinal);
        Assert.Contains("不批准", rejected, StringComparison.Ordinal);
        Assert.Contains("您的请假未获批准", toldNo.Last(c => c.ConversationId == Activities.ConversationId).Text, StringComparison.Ordinal);
        Assert.Contains("请假（未批准）（1）", statsAfter, StringComparison.Ordinal);
        Assert.Contains("缺席（2）", statsAfter, StringComparison.Ordinal); // member 2 and the admin did not answer
        Assert.Contains("测试用户,请假（未批准）,临时出差", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split("\r\n").Count(line => line.Contains(",缺席,", StringComparison.Ordinal))); // member 2 and the admin
    }

    [Fact]
    public async Task GroupChatAudience_IsOffered_PostedOnce_AndEachMemberAnswersFromTheChat()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        foreach (var (user, aad, name) in new[] { (Activities.UserId, Activities.UserAad, "测试用户"), (Member2, Member2Aad, "柏林同事") })
        {
            var message = Activities.Message(Connector.ServiceUrl, "帮助", user, aad, ChatId, name: name);
            message["conversation"]!["conversationType"] = "groupChat";
            await bot.PostActivityAsync(message, Ct);
        }

        await Connector.WaitForSendsAsync(2);
        Connector.Clear();
        // Teams lists a third person in the chat who never wrote to the bot.
        Connector.Rosters[ChatId] = [new JsonObject { ["id"] = "29:member-3", ["name"] = "第三位同事", ["aadObjectId"] = "aaaaaaaa-0000-0000-0000-000000000003" }];

        var form = await AdminAsync(bot, "remind.admin.new", new JsonObject());
        await AdminAsync(bot, "remind.admin.save", SaveData(audience: "chat:" + ChatId));
        var ev = await SingleEventAsync(bot);
        var occurrence = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5));
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero));
        await RunDispatcherAsync(bot, ev.Id);
        var posted = Assert.Single(await Connector.WaitForSendsAsync(1), c => c.IsSend);
        await Deliveries.WaitForAsync(1);
        var first = await MemberAsync(bot, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "attend" }, conversationId: ChatId);
        var second = await MemberAsync(bot, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "leave", ["reason"] = "值班" }, Member2, Member2Aad, ChatId);
        var stats = await AdminAsync(bot, "remind.admin.stats", new JsonObject { ["occurrence"] = occurrence });

        Assert.Contains("群聊（测试用户、柏林同事）", form, StringComparison.Ordinal);
        Assert.Contains("chat:" + ChatId, form, StringComparison.Ordinal);
        Assert.Equal(ChatId, posted.ConversationId);
        Assert.Contains("请各位成员分别点击", posted.Card.Readable(), StringComparison.Ordinal);
        Assert.Contains("已记录 测试用户：参加", first, StringComparison.Ordinal);
        Assert.DoesNotContain("您已确认参加", first, StringComparison.Ordinal); // the card everyone sees is not one person's
        Assert.Contains("已答复：参加 1 人 · 请假 1 人", second, StringComparison.Ordinal);
        Assert.Contains("参加（1）", stats, StringComparison.Ordinal);
        Assert.Contains("请假（原因）（1）", stats, StringComparison.Ordinal);
        Assert.Contains("未答复（1）", stats, StringComparison.Ordinal);
        Assert.Contains("第三位同事", stats, StringComparison.Ordinal);
        Assert.Equal(1, Connector.Sends.Count(s => s.ConversationId == ChatId));
    }

    [Fact]
    public async Task MemberLedger_OverTheYear_CountsEachOccurrenceSinceCreation_AndExportsCsv()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData("每周三 15:00"));
        var ev = await SingleEventAsync(bot);
        await MemberAsync(bot, "remind.rsvp", new JsonObject { ["occurrence"] = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 3)), ["answer"] = "attend" });
        await MemberAsync(bot, "remind.rsvp", new JsonObject { ["occurrence"] = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 10)), ["answer"] = "leave", ["reason"] = "出差" });
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 20, 0, 0, 0, TimeSpan.Zero));

        var card = (await AdminCommandAsync(bot, "成员台账")).Readable();
        var one = await AdminAsync(bot, "remind.admin.ledger", new JsonObject { ["member"] = Activities.UserId, ["from"] = "2027-01-01", ["to"] = "2027-12-31" });
        var backwards = await AdminAsync(bot, "remind.admin.ledger", new JsonObject { ["member"] = "all", ["from"] = "2027-03-01", ["to"] = "2027-01-01" });
        Connector.Clear();
        await bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "成员台账"), Ct);
        var refused = Assert.Single(await Connector.WaitForSendsAsync(1));
        var csv = await DownloadAsync(bot, "remind.admin.ledgerExport", new JsonObject { ["member"] = "all", ["from"] = "2027-01-01", ["to"] = "2027-12-31" }, "成员出勤台账", "/api/admin/downloads/member-ledger/");

        Assert.Contains("2027-01-01 至 2027-02-20", card, StringComparison.Ordinal);
        Assert.Contains("共 3 次：参加 1 · 请假 1 · 缺席 1", card, StringComparison.Ordinal); // 3, 10 and 17 February
        Assert.Contains("2027年2月3日（周三）15:00 · 主题党日：参加", one, StringComparison.Ordinal);
        Assert.Contains("2027年2月10日（周三）15:00 · 主题党日：请假 — 出差", one, StringComparison.Ordinal);
        Assert.Contains("2027年2月17日（周三）15:00 · 主题党日：缺席（未答复）", one, StringComparison.Ordinal);
        Assert.Contains("2027年2月24日（周三）15:00 · 主题党日：未答复", one, StringComparison.Ordinal);
        Assert.DoesNotContain("2027年1月27日", one, StringComparison.Ordinal); // before the event existed
        Assert.Contains("结束日期应不早于开始日期", backwards, StringComparison.Ordinal);
        Assert.Contains("仅对管理员开放", refused.Text, StringComparison.Ordinal);
        Assert.StartsWith("姓名,活动,类别,时间,答复,请假原因,审批人,审批意见,答复时间\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("测试用户,主题党日,主题党日,2027年2月10日（周三）15:00,请假,出差,", csv, StringComparison.Ordinal);
        Assert.Contains("测试用户,主题党日,主题党日,2027年2月17日（周三）15:00,缺席（未答复）,", csv, StringComparison.Ordinal);
        Assert.Contains("柏林同事,主题党日,主题党日,2027年2月3日（周三）15:00,缺席（未答复）,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("2027年1月27日", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishForm_HasEnglishLabelsAndValues_NoJargon_HalfWidthPunctuation_AndOneLinePerDate()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        Task<string> EnglishAdminAsync(string verb, JsonObject data) =>
            MemberAsync(bot, verb, data, "29:admin", Activities.AdminAad, "a:personal-admin", locale: "en-US");

        var form = JsonNode.Parse(await EnglishAdminAsync("remind.admin.new", new JsonObject()));
        var data = SaveData("first Friday of every month 15:00", "Asia/Shanghai");
        data["leads"] = "3 days before 09:00, 1 hour before";
        var saved = JsonNode.Parse(await EnglishAdminAsync("remind.admin.save", data));
        var ev = await SingleEventAsync(bot);
        data["eventId"] = ev.Id;
        data["timeZoneOther"] = "Europe/Berlin"; // advanced: any zone by its IANA name
        await EnglishAdminAsync("remind.admin.save", data);
        var edited = await SingleEventAsync(bot);

        var formTexts = Texts(form);
        var listTexts = Texts(saved);
        Assert.Contains("Time zone", formTexts);
        Assert.Contains("Beijing time", formTexts);
        Assert.Contains("Party theme day", formTexts);
        Assert.Contains("first Friday of every month 15:00", form.Readable(), StringComparison.Ordinal);
        Assert.Contains("3 days before 09:00, 1 hour before", form.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain(formTexts, t => t.Contains("IANA", StringComparison.Ordinal) || t.Contains("cron", StringComparison.Ordinal));
        Assert.Equal(new MonthlyNthWeekday(1, DayOfWeek.Friday, new TimeOnly(15, 0)), ev.Recurrence);
        Assert.Equal(LeadTime.Defaults, ev.LeadTimes);
        Assert.Contains("• Fri 5 Feb 2027 15:00 (Beijing time)", listTexts);
        Assert.Contains("• Fri 5 Mar 2027 15:00 (Beijing time)", listTexts);
        Assert.Contains(listTexts, t => t.StartsWith("Saved \"主题党日\". Next: Fri 5 Feb 2027 15:00 (Beijing time).", StringComparison.Ordinal));
        Assert.DoesNotContain(listTexts, t => t.IndexOfAny(['（', '）', '：', '，', '；', '。']) >= 0);
        Assert.Equal("Europe/Berlin", edited.TimeZoneId);
    }
}
