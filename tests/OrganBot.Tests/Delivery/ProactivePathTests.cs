using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Tests.Fakes;
using OrganBot.Tests.Feedback;

namespace OrganBot.Tests.Delivery;

/// <summary>Every proactive message goes through the outbox: paced with the rest, updates merged, anonymous targets protected.</summary>
[Trait("Category", "Postgres")]
public sealed class ProactivePathTests
{
    private const string AdminId = "29:admin-a";
    private const string AdminChat = "a:admin-a-chat";

    [Fact]
    public async Task Announcement_301RecipientsAt50PerSecond_ProgressCardUpdatesProvokeNo429()
    {
        // Teams' own limit as the setting, and a progress card refreshed often: before, its PUTs bypassed the pacer. The
        // safety margin is wide so that this shared, loaded machine's scheduling delays cannot squeeze paced calls together.
        await using var connector = await FakeConnector.StartAsync();
        var simulator = new TeamsSimulator(50);
        connector.Responder = simulator.Respond;
        var settings = DeliveryHarness.FastSettings(50);
        settings["Admins:AadObjectIds:0"] = Activities.AdminAad;
        settings["Delivery:PacerSafetyMargin"] = "00:00:00.200";
        settings["Announcements:ProgressInterval"] = "00:00:00.050";
        await using var bot = new BotApplication(settings);
        bot.Start();
        const int members = 301;
        await DeliveryHarness.SeedMembersAsync(bot.Services, connector.ServiceUrl, members);

        var preview = await ExecuteAsync(bot, connector, "announce.preview", new JsonObject
        {
            ["title"] = "关于开展主题党日活动的通知",
            ["body"] = "请各支部于**12月4日**前报名。",
            ["audience"] = "all",
            ["when"] = "now",
        });
        var id = preview["value"]!["actions"]![0]!["data"]!["announcementId"]!.GetValue<string>();
        await ExecuteAsync(bot, connector, "announce.send", new JsonObject { ["announcementId"] = id });
        await connector.WaitForAsync(
            c => c.Any(x => x.Method == "PUT" && x.ConversationId == AdminChat && x.Card.Readable().Contains("发送报告", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60));

        var progressUpdates = connector.Calls.Count(c => c.Method == "PUT" && c.ConversationId == AdminChat);
        Assert.Equal(0, simulator.LimitViolations);
        Assert.All(Enumerable.Range(0, members), i => Assert.Equal(1, simulator.Delivered[DeliveryHarness.ChatId(DeliveryHarness.MemberId(i))]));
        Assert.True(progressUpdates >= 2, $"only {progressUpdates} progress updates");
    }

    [Fact]
    public async Task Updates_OfOneMessageQueuedBehindOthers_OnlyTheLatestIsSent()
    {
        await using var h = await DeliveryHarness.StartAsync();
        const int count = 200;
        await h.SeedMembersAsync(count);
        var chat = DeliveryHarness.ChatId(DeliveryHarness.MemberId(0));

        // 200 sends at 50/s keep the worker busy for seconds: the updates queued after them wait together.
        await h.EnqueueAsync([.. Enumerable.Range(0, count).Select(i => new DeliveryRequest(
            $"busy:{i}", new DeliveryTarget.User(DeliveryHarness.MemberId(i)), OutgoingMessage.FromText("通知"), "busy", "test"))]);
        foreach (var version in new[] { "第一版", "第二版", "第三版" })
        {
            await h.EnqueueAsync([new DeliveryRequest($"card:{version}", new DeliveryTarget.Conversation(chat), OutgoingMessage.FromText($"进度 {version}"), "card", "test",
                Operation: DeliveryOperation.Update, ActivityId: "activity-1")]);
        }

        await h.Completions.WaitForAsync("busy", count, TimeSpan.FromSeconds(60));
        await h.Completions.WaitForAsync("card", 1, TimeSpan.FromSeconds(30));
        var puts = h.Connector.Calls.Where(c => c.Method == "PUT").ToList();

        var put = Assert.Single(puts);
        Assert.EndsWith("/activities/activity-1", put.Path, StringComparison.Ordinal);
        Assert.Equal("进度 第三版", put.Text);
    }

    [Fact]
    public async Task AnonymousTicket_MemberNoticeGoesThroughTheOutbox_WhoseRowsNameNoMember()
    {
        var completions = new CompletionRecorder();
        await using var host = await FeedbackHost.StartAsync(services: s => s.AddSingleton<IDeliveryObserver>(completions));
        var confirm = await host.FillFormAsync("匿名反映：食堂晚餐太早结束。", anonymous: true);
        await host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit"));
        var adminCard = (await host.WaitForSendAsync(FeedbackHost.AdminConversation, c => c.Card.Readable().Contains("食堂晚餐", StringComparison.Ordinal))).Card!;
        await host.AdminExecuteAsync("feedback.admin.accept", FeedbackHost.ActionData(adminCard, "feedback.admin.accept"));
        await host.WaitForSendAsync(Activities.ConversationId, c => c.Card.Readable().Contains("已受理", StringComparison.Ordinal));
        await completions.WaitForAsync("feedback:1:member", 1);

        // A reader of the database alone: every cell of the outbox, as text.
        var cells = await ReadTableAsync(host.Bot, "Deliveries");
        var memberRows = cells.Where(r => r["Category"] == "feedback" && r["TargetKind"] == "protected").ToList();

        Assert.NotEmpty(memberRows);
        Assert.All(memberRows, r => Assert.Equal("Sent", r["State"]));
        foreach (var value in cells.SelectMany(r => r.Values).OfType<string>())
        {
            Assert.DoesNotContain(Activities.UserId, value, StringComparison.Ordinal);
            Assert.DoesNotContain(Activities.UserAad, value, StringComparison.Ordinal);
            Assert.DoesNotContain(Activities.ConversationId, value, StringComparison.Ordinal);
            Assert.DoesNotContain(FeedbackHost.MemberName, value, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonNode> ExecuteAsync(BotApplication bot, FakeConnector connector, string verb, JsonObject data)
    {
        var response = await bot.PostActivityAsync(
            Activities.Execute(connector.ServiceUrl, verb, data, userId: AdminId, aad: Activities.AdminAad, conversationId: AdminChat), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Every row of <paramref name="table"/> as column → text, read with plain SQL (no model, no keys).</summary>
    internal static async Task<List<Dictionary<string, string?>>> ReadTableAsync(BotApplication bot, string table)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using DbDataReader reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<Dictionary<string, string?>>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }

        return rows;
    }
}
