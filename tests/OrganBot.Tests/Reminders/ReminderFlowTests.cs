using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OrganBot.Bot.Reminders;
using OrganBot.Bot.Reminders.Quartz;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Fakes;
using Quartz;

namespace OrganBot.Tests.Reminders;

/// <summary>Admin and member flows over real HTTP (BotApplication + FakeConnector), with a fake clock and Quartz in-process.</summary>
public sealed class ReminderFlowTests : ReminderTestBase
{
    [Fact]
    public async Task AdminCreatesFirstFridayEvent_ReminderArrivesOnceWithRsvpAndStatistics()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);

        await bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "提醒管理", "29:admin", Activities.AdminAad, "a:personal-admin"), Ct);
        var listCard = Assert.Single(await Connector.WaitForSendsAsync(1)).Card.Readable();
        var saved = await AdminAsync(bot, "remind.admin.save", SaveData());

        Assert.Contains("提醒管理", listCard, StringComparison.Ordinal);
        Assert.Contains("已保存“主题党日”，下一次：2027年2月5日（周五）15:00（北京时间）", saved, StringComparison.Ordinal);
        var ev = await SingleEventAsync(bot);
        var trigger = await (await SchedulerAsync(bot)).GetTrigger(QuartzReminderScheduler.TriggerKeyFor(ev.Id), Ct);
        Assert.Equal(new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero), trigger!.NextFireTimeUtc);

        // The 3-day reminder fires through Quartz (the job, in-process) once the clock reaches it.
        Connector.Clear();
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero));
        await (await SchedulerAsync(bot)).TriggerJob(QuartzReminderScheduler.JobKeyFor(ev.Id), Ct);
        var sends = await Connector.WaitForSendsAsync(Members);
        var cards = sends.Select(s => s.Card.Readable()).ToList();
        Assert.All(cards, c => Assert.Contains("2027年2月5日（周五）15:00（北京时间）", c, StringComparison.Ordinal));
        Assert.All(cards, c => Assert.Contains(SpeechLinks.Find("theme-party-day")!.Quote, c, StringComparison.Ordinal));
        Assert.All(cards, c => Assert.Contains("参加", c, StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("2027年2月5日（周五）08:00（Europe/Berlin）", StringComparison.Ordinal));

        // Running again at the same instant sends nothing more: each lead fires once.
        var next = await RunDispatcherAsync(bot, ev.Id);
        Assert.Equal(Members, Connector.Sends.Count);
        Assert.Equal(new DateTimeOffset(2027, 2, 5, 6, 0, 0, TimeSpan.Zero), next);

        // 请假 without a reason is refused on the card; with one it is recorded and the card changes in place.
        var occurrence = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5));
        var noReason = await InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "leave", ["reason"] = " " }));
        var leave = await InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "leave", ["reason"] = "当天出差" }));
        var attend = await InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "attend" }, userId: Member2, aad: Member2Aad, conversationId: "a:personal-2"));

        Assert.Contains("请假需要填写原因", noReason, StringComparison.Ordinal);
        Assert.Contains("您已请假，原因：当天出差", leave, StringComparison.Ordinal);
        Assert.Contains("您已确认参加", attend, StringComparison.Ordinal);

        var stats = await AdminAsync(bot, "remind.admin.stats", new JsonObject { ["eventId"] = ev.Id });
        Assert.Contains("请假（原因）（1）", stats, StringComparison.Ordinal);
        Assert.Contains("当天出差", stats, StringComparison.Ordinal);
        Assert.Contains("参加（1）", stats, StringComparison.Ordinal);
        Assert.Contains("未答复（1）", stats, StringComparison.Ordinal); // the admin, seen by the bot, did not answer

        var csv = await DownloadLedgerAsync(bot, new JsonObject { ["eventId"] = ev.Id, ["occurrence"] = occurrence });
        Assert.StartsWith("活动,时间,姓名,答复,请假原因,答复时间,送达情况,审批意见\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("主题党日,2027年2月5日（周五）15:00,", csv, StringComparison.Ordinal);
        Assert.Contains("请假,当天出差", csv, StringComparison.Ordinal);

        // Non-admins get neither a link nor the file.
        Connector.Clear();
        await bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, "remind.admin.export", new JsonObject { ["occurrence"] = occurrence }), Ct);
        var refused = Assert.Single(await Connector.WaitForSendsAsync(1));
        Assert.Contains("仅对管理员开放", refused.Text, StringComparison.Ordinal);
        Assert.Null(refused.Card);
        using (var anonymous = bot.CreateClient())
        {
            var noToken = await anonymous.GetAsync($"/api/admin/downloads/attendance/{Uri.EscapeDataString(occurrence)}", Ct);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, noToken.StatusCode);
        }

        // After the start, answers are closed.
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 5, 7, 0, 1, TimeSpan.Zero));
        var late = await InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "attend" }));
        Assert.Contains("答复已截止", late, StringComparison.Ordinal);
        await using var scope = bot.Services.CreateAsyncScope();
        Assert.Equal(RsvpAnswer.Leave, (await scope.ServiceProvider.GetRequiredService<IReminderStore>().FindRsvpAsync(occurrence, Activities.UserId, Ct))!.Answer);
    }

    [Fact]
    public async Task Rsvp_FromAMemberOutsideTheAudience_IsRefusedPolitely_AndAppearsNowhere()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData(audience: "group:支部委员")); // member 2 only
        var ev = await SingleEventAsync(bot);
        var occurrence = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5));

        var outsiderPress = Activities.Execute(Connector.ServiceUrl, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "leave", ["reason"] = "外人请假" });
        outsiderPress["from"]!["name"] = "组外成员";
        var outsider = await InvokeAsync(bot, outsiderPress);
        var refusal = Assert.Single(await Connector.WaitForSendsAsync(1));
        var insider = await InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "attend" }, userId: Member2, aad: Member2Aad, conversationId: "a:personal-2"));

        Assert.DoesNotContain("已记录", outsider, StringComparison.Ordinal);
        Assert.Contains("这次活动的提醒范围不包括您，无需答复", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("您已确认参加", insider, StringComparison.Ordinal);
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IReminderStore>();
            Assert.Null(await store.FindRsvpAsync(occurrence, Activities.UserId, Ct));
            Assert.Equal(Member2, Assert.Single(await store.ListRsvpsAsync(occurrence, Ct)).MemberId);
        }

        var stats = await AdminAsync(bot, "remind.admin.stats", new JsonObject { ["occurrence"] = occurrence });
        var csv = await DownloadLedgerAsync(bot, new JsonObject { ["occurrence"] = occurrence });
        Assert.Contains("参加（1）", stats, StringComparison.Ordinal);
        Assert.DoesNotContain("请假（原因）（1）", stats, StringComparison.Ordinal);
        Assert.DoesNotContain("外人请假", stats, StringComparison.Ordinal);
        Assert.DoesNotContain("组外成员", stats, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header + member 2
        Assert.DoesNotContain("组外成员", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupChatAudience_GetsOneCardInTheChat_AndOnlyAnswersFromTheChatCount()
    {
        const string chatId = "19:meeting-chat@thread.v2";
        var bot = StartBot();
        await SeedMembersAsync(bot);
        var chat = Activities.Message(Connector.ServiceUrl, "帮助", conversationId: chatId);
        chat["conversation"]!["conversationType"] = "groupChat";
        await bot.PostActivityAsync(chat, Ct);
        await Connector.WaitForSendsAsync(1);
        Connector.Clear();
        await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderFeature>().SaveAndScheduleAsync(ev with { Audience = new Audience(AudienceKind.GroupChat, chatId) }, Ct);
        }

        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero));
        await RunDispatcherAsync(bot, ev.Id);
        var sent = Assert.Single(await Connector.WaitForSendsAsync(1), c => c.IsSend); // the chat's roster is read first
        await Deliveries.WaitForAsync(1);
        var reminders = Connector.Sends.Count;
        var occurrence = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5));
        var press = Activities.Execute(Connector.ServiceUrl, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "attend" }, conversationId: chatId);
        press["conversation"]!["conversationType"] = "groupChat";
        var fromChat = await InvokeAsync(bot, press);
        var fromElsewhere = await InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "attend" }, userId: Member2, aad: Member2Aad, conversationId: "a:personal-2"));

        Assert.Equal(chatId, sent.ConversationId);
        Assert.Equal(1, reminders);
        Assert.Contains("已记录 测试用户：参加", fromChat, StringComparison.Ordinal); // the shared card names who answered
        Assert.DoesNotContain("已记录", fromElsewhere, StringComparison.Ordinal);
        await using var check = bot.Services.CreateAsyncScope();
        Assert.Equal(Activities.UserId, Assert.Single(await check.ServiceProvider.GetRequiredService<IReminderStore>().ListRsvpsAsync(occurrence, Ct)).MemberId);
    }

    [Fact]
    public async Task InvalidInput_IsRejectedOnTheCard_AndNothingIsSaved()
    {
        var bot = StartBot();

        var badRule = await AdminAsync(bot, "remind.admin.save", SaveData("每月第五个周五 15:00"));
        var badZone = await AdminAsync(bot, "remind.admin.save", SaveData(timeZone: "Mars/Olympus"));
        var past = await AdminAsync(bot, "remind.admin.save", SaveData("2027-01-15 10:00"));
        var longTitle = await AdminAsync(bot, "remind.admin.save", SaveData(title: new string('长', 61)));
        var notAdmin = Activities.Execute(Connector.ServiceUrl, "remind.admin.save", SaveData());
        await bot.PostActivityAsync(notAdmin, Ct);

        Assert.Contains("不是每个月都有第五个", badRule, StringComparison.Ordinal);
        Assert.Contains("未知时区“Mars/Olympus”", badZone, StringComparison.Ordinal);
        Assert.Contains("已经过去", past, StringComparison.Ordinal);
        Assert.Contains("不能超过 60 个字", longTitle, StringComparison.Ordinal);
        Assert.Contains("仅对管理员开放", Assert.Single(await Connector.WaitForSendsAsync(1)).Text, StringComparison.Ordinal);
        await using var scope = bot.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IReminderStore>().ListEventsAsync(Ct));
    }

    [Fact]
    public async Task Restart_BetweenScheduleAndFire_StillFires()
    {
        var first = StartBot();
        first.DeleteDatabaseOnDispose = false;
        await SeedMembersAsync(first);
        await AdminAsync(first, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(first);
        Bots.Remove(first);
        await first.DisposeAsync();

        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 2, 1, 30, 0, TimeSpan.Zero));
        var second = StartBot(first.DatabaseName, first.Storage);
        second.DeleteDatabaseOnDispose = true;
        var trigger = await (await SchedulerAsync(second)).GetTrigger(QuartzReminderScheduler.TriggerKeyFor(ev.Id), Ct);
        await (await SchedulerAsync(second)).TriggerJob(QuartzReminderScheduler.JobKeyFor(ev.Id), Ct);

        Assert.NotNull(trigger); // the wake-up survived the restart in Quartz's tables
        await Connector.WaitForSendsAsync(Members);
        await RunDispatcherAsync(second, ev.Id);
        await Deliveries.WaitForAsync(Members);
        Assert.Equal(Members, (await BatchAsync(second, OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5)))).Count);
        Assert.Equal(Members, Connector.Sends.Count);
    }

    [Fact]
    public async Task JobStoredUnderTheOldSchedulingTypeName_StillFiresAfterTheMove()
    {
        var first = StartBot();
        first.DeleteDatabaseOnDispose = false;
        await SeedMembersAsync(first);
        await AdminAsync(first, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(first);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            // As the release before Bot/Scheduling became Bot/Reminders wrote it.
            await scope.ServiceProvider.GetRequiredService<OrganBot.Bot.Storage.BotDbContext>().Database.ExecuteSqlRawAsync(
                "UPDATE qrtz_job_details SET job_class_name = 'OrganBot.Bot.Scheduling.ReminderJob, OrganBot.Bot'", Ct);
        }

        Bots.Remove(first);
        await first.DisposeAsync();

        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 2, 1, 30, 0, TimeSpan.Zero));
        var second = StartBot(first.DatabaseName, first.Storage);
        second.DeleteDatabaseOnDispose = true;
        await (await SchedulerAsync(second)).TriggerJob(QuartzReminderScheduler.JobKeyFor(ev.Id), Ct);

        Assert.Equal(Members, (await Connector.WaitForSendsAsync(Members)).Count);
    }

    [Fact]
    public async Task MissedWhileDown_SentLateBeforeStart_SkippedAfterStart_NeverTwice()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);

        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 4, 2, 0, 0, TimeSpan.Zero)); // 2 days late, before the start
        await RunDispatcherAsync(bot, ev.Id);
        await RunDispatcherAsync(bot, ev.Id);
        Assert.Equal(Members, (await Connector.WaitForSendsAsync(Members)).Count);

        await Deliveries.WaitForAsync(Members);
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 5, 8, 0, 0, TimeSpan.Zero)); // the 1-hour lead was missed and the event started
        var next = await RunDispatcherAsync(bot, ev.Id);

        // Nothing new was queued for the started event (the outbox holds one row per member), so nothing more can arrive.
        var batch = await BatchAsync(bot, OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5)));
        Assert.Equal(Members, batch.Count);
        Assert.All(batch, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(Members, Connector.Sends.Count);
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 1, 0, 0, TimeSpan.Zero), next);
        await using var scope = bot.Services.CreateAsyncScope();
        var outcomes = (await scope.ServiceProvider.GetRequiredService<IReminderStore>().ListDispatchesAsync(OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5)), Ct)).Select(d => d.Outcome).Order().ToList();
        Assert.Equal(["sent", "skipped:missed-started"], outcomes);
    }

    [Fact]
    public async Task SkipAndMove_OnTheAdminCard_ChangeWhatIsSent()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);

        var skipped = await AdminAsync(bot, "remind.admin.exception", new JsonObject { ["eventId"] = ev.Id, ["originalDate"] = "2027-02-05", ["action"] = "skip" });
        var moved = await AdminAsync(bot, "remind.admin.exception", new JsonObject { ["eventId"] = ev.Id, ["originalDate"] = "2027-03-05", ["action"] = "move", ["newDate"] = "2027-03-09", ["newTime"] = "14:30" });
        var bogus = await AdminAsync(bot, "remind.admin.exception", new JsonObject { ["eventId"] = ev.Id, ["originalDate"] = "2027-03-06", ["action"] = "skip" });

        Assert.Contains("2027年2月5日（周五） 取消", skipped, StringComparison.Ordinal);
        Assert.Contains("2027年3月9日（周二）14:30", moved, StringComparison.Ordinal);
        Assert.Contains("请选择该活动的某一次", bogus, StringComparison.Ordinal);

        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 5, 6, 0, 0, TimeSpan.Zero));
        await RunDispatcherAsync(bot, ev.Id);
        Assert.Empty(Connector.Sends);
        Clock.SetUtcNow(new DateTimeOffset(2027, 3, 6, 1, 0, 0, TimeSpan.Zero)); // 3 days before 9 March, 09:00
        await RunDispatcherAsync(bot, ev.Id);
        var card = (await Connector.WaitForSendsAsync(Members))[0].Card.Readable();
        Assert.Contains("2027年3月9日（周二）14:30（北京时间）", card, StringComparison.Ordinal);
        Assert.Contains("本次已改期", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MuteInPersonalChat_StopsThatKind_UnlessMandatory()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);

        var muted = await InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, "remind.mute", new JsonObject { ["kind"] = "主题党日", ["muted"] = "true", ["from"] = "my" }));
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero));
        await RunDispatcherAsync(bot, ev.Id);
        var first = await Connector.WaitForSendsAsync(Members - 1);
        await RunDispatcherAsync(bot, ev.Id);

        Assert.Contains("已不再提醒“主题党日”", muted, StringComparison.Ordinal);
        Assert.Equal(Members - 1, Connector.Sends.Count);
        Assert.DoesNotContain(first, s => s.ConversationId == Activities.ConversationId);

        await using (var scope = bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderFeature>().SaveAndScheduleAsync(ev with { Mandatory = true, PlannedFrom = Clock.GetUtcNow().AddDays(-3) }, Ct);
        }

        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 5, 6, 0, 0, TimeSpan.Zero));
        await RunDispatcherAsync(bot, ev.Id);
        var all = await Connector.WaitForSendsAsync((2 * Members) - 1);
        Assert.Contains(all.Skip(Members - 1), s => s.ConversationId == Activities.ConversationId);
    }

    [Fact]
    public async Task MyReminders_ListsUpcomingEventWithAnswer()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData());

        await bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "我的提醒"), Ct);

        var card = Assert.Single(await Connector.WaitForSendsAsync(1)).Card.Readable();
        Assert.Contains("我的提醒", card, StringComparison.Ordinal);
        Assert.Contains("2027年2月5日（周五）15:00（北京时间）", card, StringComparison.Ordinal);
        Assert.Contains("尚未答复", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstances_SharingOneDatabase_SendEachReminderOnce()
    {
        var a = StartBot();
        var b = StartBot(a.DatabaseName, a.Storage);
        b.DeleteDatabaseOnDispose = false;
        await SeedMembersAsync(a);
        await AdminAsync(a, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(a);

        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(
            (await SchedulerAsync(a)).TriggerJob(QuartzReminderScheduler.JobKeyFor(ev.Id), Ct).AsTask(),
            (await SchedulerAsync(b)).TriggerJob(QuartzReminderScheduler.JobKeyFor(ev.Id), Ct).AsTask(),
            RunDispatcherAsync(a, ev.Id),
            RunDispatcherAsync(b, ev.Id));
        await Connector.WaitForSendsAsync(Members);
        await RunDispatcherAsync(b, ev.Id);
        await RunDispatcherAsync(a, ev.Id);
        await Deliveries.WaitForAsync(Members);

        var batch = await BatchAsync(a, OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5)));
        Assert.Equal(Members, batch.Count);
        Assert.All(batch, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(Members, Connector.Sends.Count);
    }

    [Fact]
    public async Task DeliveryFailures_403And404_ShowInAttendanceStatisticsAndLedger()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);
        // Member 2 removed the bot (403); the admin's chat is gone (404). Neither is retried.
        Connector.Responder = call => !call.IsSend ? null : call.ConversationId switch
        {
            "a:personal-2" => Results.Json(new { error = new { code = "BotDisabledByAdmin", message = "The bot is blocked." } }, statusCode: 403),
            "a:personal-admin" => Results.Json(new { error = new { code = "ConversationNotFound", message = "Conversation not found." } }, statusCode: 404),
            _ => null,
        };

        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero));
        await RunDispatcherAsync(bot, ev.Id);
        var finished = await Deliveries.WaitForAsync(Members);
        Connector.Responder = null;
        var stats = await AdminAsync(bot, "remind.admin.stats", new JsonObject { ["eventId"] = ev.Id });
        var csv = await DownloadLedgerAsync(bot, new JsonObject { ["eventId"] = ev.Id, ["occurrence"] = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5)) });

        Assert.Equal(2, finished.Count(c => c.Status.State == DeliveryState.Failed));
        Assert.Contains("发送失败（已卸载或无法送达）（2）", stats, StringComparison.Ordinal);
        Assert.Contains("发送失败：对方已移除机器人或不再接收消息（403）", stats, StringComparison.Ordinal);
        Assert.Contains("发送失败：与对方的会话已不存在（404）", stats, StringComparison.Ordinal);
        Assert.Contains("未答复（1）", stats, StringComparison.Ordinal); // member 1 got it and has not answered
        Assert.Contains("柏林同事,未答复,,,发送失败：对方已移除机器人或不再接收消息（403）,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("BotDisabledByAdmin", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissedWhileDown_LateReminderNotDeliveredBeforeTheStart_ExpiresAndIsNeverSent()
    {
        var first = StartBot();
        first.DeleteDatabaseOnDispose = false;
        await SeedMembersAsync(first);
        await AdminAsync(first, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(first);

        // Half an hour before the start both leads are overdue: the 1-hour one goes out late, but Teams is unavailable.
        Connector.Responder = call => call.IsSend ? Results.StatusCode(503) : null;
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 5, 6, 30, 0, TimeSpan.Zero));
        await RunDispatcherAsync(first, ev.Id);
        await Connector.WaitForSendsAsync(Members);

        // The bot goes down with the retries still queued and comes back after the event started.
        Bots.Remove(first);
        await first.DisposeAsync();
        Connector.Responder = null;
        Connector.Clear();
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 5, 7, 0, 1, TimeSpan.Zero));
        var second = StartBot(first.DatabaseName, first.Storage);
        second.DeleteDatabaseOnDispose = true;
        await RunDispatcherAsync(second, ev.Id);
        var expired = await Deliveries.WaitForAsync(Members);
        var stats = await AdminAsync(second, "remind.admin.stats", new JsonObject { ["occurrence"] = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5)) });

        Assert.All(expired, c => Assert.Equal(DeliveryState.Expired, c.Status.State));
        Assert.Empty(Connector.Sends);
        Assert.Contains("活动开始前未能送达，已停止发送", stats, StringComparison.Ordinal);
        await using var scope = second.Services.CreateAsyncScope();
        var outcomes = (await scope.ServiceProvider.GetRequiredService<IReminderStore>().ListDispatchesAsync(OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5)), Ct)).Select(d => d.Outcome).Order().ToList();
        Assert.Equal(["sent", "skipped:superseded"], outcomes);
    }

    [Fact]
    public async Task Quartz_OnTheInjectedClock_FiresADueReminderByItself()
    {
        var bot = StartBot();
        await SeedMembersAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);

        // 30 s after the 3-day reminder on the fake clock, which is months ahead of the real one: only a Quartz that
        // reads the injected clock sees the trigger as due. No TriggerJob here.
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 2, 1, 0, 30, TimeSpan.Zero));
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IReminderScheduler>().ScheduleAsync(ev.Id, new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero), Ct);
        }

        var sends = await Connector.WaitForSendsAsync(Members, TimeSpan.FromSeconds(30));
        Assert.All(sends, s => Assert.Contains("2027年2月5日（周五）15:00（北京时间）", s.Card.Readable(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task DispatchRecord_RacedByFourRuns_RecordedOnceWithoutErrorLogs()
    {
        using var logs = new CapturingLogs();
        var bot = StartBot(logs: logs);
        await SeedMembersAsync(bot);
        logs.Clear(); // start-up is not under test (a fresh PostgreSQL database logs its creation)
        var at = Clock.GetUtcNow();
        var record = new DispatchRecord("ev1:20270205:m60", "ev1", "ev1:20270205", "m60", "sent", 3, at);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = bot.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IReminderStore>().TryRecordDispatchAsync(record, Ct);
        }));

        Assert.Single(results, r => r);
        Assert.Empty(logs.Errors);
        await using var check = bot.Services.CreateAsyncScope();
        var stored = Assert.Single(await check.ServiceProvider.GetRequiredService<IReminderStore>().ListDispatchesAsync("ev1:20270205", Ct));
        Assert.Equal(record, stored);
    }

    /// <summary>Error-level log entries of the bot, whatever their category.</summary>
    private sealed class CapturingLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _errors = new();

        public IReadOnlyList<string> Errors => [.. _errors];

        public void Clear() => _errors.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _errors);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error) errors.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
