using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.ReadReceipts;

/// <summary>A bot with seeded members, a Teams-like connector, and helpers to send an announcement and read receipts over HTTP.</summary>
public sealed class ReadReceiptHost(FakeConnector connector, TeamsSimulator simulator, BotApplication bot, int members) : IAsyncDisposable
{
    public const string AdminId = "29:admin-rr";
    public const string AdminChat = "a:admin-rr-chat";

    public FakeConnector Connector => connector;
    public TeamsSimulator Simulator => simulator;
    public BotApplication Bot => bot;
    public int Members => members;

    public static async Task<ReadReceiptHost> StartAsync(int members = 6, Dictionary<string, string?>? extra = null)
    {
        var connector = await FakeConnector.StartAsync();
        var simulator = new TeamsSimulator(50);
        connector.Responder = simulator.Respond;
        var settings = DeliveryHarness.FastSettings();
        settings["Admins:AadObjectIds:0"] = Activities.AdminAad;
        settings["Announcements:ProgressInterval"] = "00:00:00.200";
        settings["Announcements:FollowUpCheckInterval"] = "00:00:00.100";
        settings["Announcements:PublicBaseUrl"] = "http://bot.example";
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        var bot = new BotApplication(settings);
        bot.Start();
        await DeliveryHarness.SeedMembersAsync(bot.Services, connector.ServiceUrl, members);
        return new ReadReceiptHost(connector, simulator, bot, members);
    }

    public static string Chat(int member) => DeliveryHarness.ChatId(DeliveryHarness.MemberId(member));

    public static JsonObject Form(string audience = "all") => new()
    {
        ["title"] = "关于开展主题党日活动的通知",
        ["body"] = "请各支部于**12月4日**前报名。",
        ["audience"] = audience,
        ["when"] = "now",
    };

    public async Task<JsonNode> ExecuteAsync(string verb, JsonObject data, string userId = AdminId, string aad = Activities.AdminAad, string chat = AdminChat)
    {
        var response = await Bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, verb, data, userId: userId, aad: aad, conversationId: chat), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Previews and sends an announcement to every member and waits for the admin's report card. Returns its id.</summary>
    public async Task<string> SendAnnouncementAsync(bool remindUnread = false, string audience = "all", int expectedPosts = -1)
    {
        var preview = await ExecuteAsync("announce.preview", Form(audience));
        var id = preview["value"]!["actions"]![0]!["data"]!["announcementId"]!.GetValue<string>();
        var send = new JsonObject { ["announcementId"] = id, ["remindUnread"] = remindUnread ? "true" : "false" };
        await ExecuteAsync("announce.send", send);
        // "All members" includes the admin, whom the bot met through these clicks.
        var posts = expectedPosts < 0 ? Members + 1 : expectedPosts;
        await Connector.WaitForAsync(c => c.Any(x => x.Method == "PUT" && x.ConversationId == AdminChat && x.Card.Readable().Contains("发送报告", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        Assert.Equal(posts, (await BatchAsync($"ann:{id}")).Count(s => s.State == DeliveryState.Sent));
        return id;
    }

    /// <summary>A one-off 主题党日 two days ahead, its reminder queued to every member as the dispatcher does. Returns the event and its occurrence key.</summary>
    public async Task<(ReminderEvent Event, string Occurrence)> QueueReminderAsync(string eventId)
    {
        var ct = TestContext.Current.CancellationToken;
        var start = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(2), TimeZones.BeijingZone).DateTime;
        var ev = new ReminderEvent { Id = eventId, Title = "主题党日", Kind = "主题党日", Recurrence = new OneOff(new DateTime(start.Year, start.Month, start.Day, 15, 0, 0)), LeadTimes = [], PlannedFrom = DateTimeOffset.UtcNow };
        var occurrence = OccurrenceKeys.Make(ev.Id, DateOnly.FromDateTime(start));
        await using var scope = Bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IReminderStore>().SaveEventAsync(ev, ct);
        await scope.ServiceProvider.GetRequiredService<IDeliveryQueue>().EnqueueAsync(
            [.. Enumerable.Range(0, Members).Select(i => new DeliveryRequest(ReminderDispatcher.DedupKey(occurrence, "1d", DeliveryHarness.MemberId(i)), new DeliveryTarget.User(DeliveryHarness.MemberId(i)), OutgoingMessage.FromText("活动提醒：主题党日"), occurrence, ReminderDispatcher.Category))], ct);
        return (ev, occurrence);
    }

    public async Task<IReadOnlyList<DeliveryStatus>> BatchAsync(string batchId)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDeliveryQueue>().GetBatchAsync(batchId, TestContext.Current.CancellationToken);
    }

    /// <summary>The message id member <paramref name="member"/> got for the announcement.</summary>
    public async Task<string> MessageIdAsync(string announcementId, int member) =>
        (await BatchAsync($"ann:{announcementId}")).Single(s => s.ConversationId == Chat(member)).ActivityId!;

    public static JsonObject Receipt(string serviceUrl, int member, JsonNode? value, string conversationType = "personal", string? conversationId = null)
    {
        var activity = Activities.Base("event", serviceUrl, DeliveryHarness.MemberId(member), $"aaaaaaaa-0000-0000-0000-{member:D12}", conversationId ?? Chat(member));
        activity["name"] = "application/vnd.microsoft.readReceipt";
        activity["value"] = value;
        activity["conversation"]!["conversationType"] = conversationType;
        return activity;
    }

    public Task<HttpResponseMessage> ReceiptAsync(int member, JsonNode? value, string conversationType = "personal", string? conversationId = null) =>
        Bot.PostActivityAsync(Receipt(Connector.ServiceUrl, member, value, conversationType, conversationId), TestContext.Current.CancellationToken);

    /// <summary>Follow-ups the member really received (the simulator's count of accepted sends, less the announcement itself).</summary>
    public int FollowUpsTo(int member) => FollowUps(Simulator, Chat(member));

    public static int FollowUps(TeamsSimulator simulator, string chat) => Math.Max(0, simulator.Delivered.GetValueOrDefault(chat) - 1);

    public static bool IsReply(ConnectorCall call) => call.Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is ["v3", "conversations", _, "activities", _];

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
