using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Fakes;
using Quartz;

namespace OrganBot.Tests.Reminders;

/// <summary>
/// What the reminder tests over HTTP share: a bot (BotApplication) talking to a FakeConnector, a fake clock Quartz follows,
/// two members who have written to the bot (the second in Berlin) and an admin, and helpers to press buttons as them.
/// </summary>
public abstract class ReminderTestBase : IAsyncLifetime
{
    protected const string Member2 = "29:member-2";
    protected const string Member2Aad = "aaaaaaaa-0000-0000-0000-000000000002";

    // Everyone the bot has seen is a member: member 1, member 2 (Berlin) and the admin.
    protected const int Members = 3;

    // Mon 1 Feb 2027 08:00 Beijing. The first Friday is 5 Feb; its reminders are Tue 2 Feb 09:00 and Fri 5 Feb 14:00.
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));

    protected List<BotApplication> Bots { get; } = [];

    private protected DeliveryWatcher Deliveries { get; } = new();

    protected FakeConnector Connector { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in Enumerable.Reverse(Bots)) await bot.DisposeAsync();
        await Connector.DisposeAsync();
        Deliveries.Dispose();
    }

    protected BotApplication StartBot(string? databaseName = null, StorageKind? storage = null, ILoggerProvider? logs = null, IDictionary<string, string?>? settings = null)
    {
        var bot = new BotApplication(
            new Dictionary<string, string?>
            {
                ["Admins:AadObjectIds:0"] = Activities.AdminAad, ["Reminders:Holidays:0"] = "2027-05-07", ["Audiences:Groups:支部委员:0"] = Member2Aad,
            }.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary(),
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IDeliveryObserver>(Deliveries);
                if (logs is not null) services.AddSingleton(logs);
            },
            storage,
            databaseName);
        bot.Start();
        Bots.Add(bot);
        return bot;
    }

    /// <summary>Two members talk to the bot once (so it knows their 1:1 chats); the second is in Berlin.</summary>
    protected async Task SeedMembersAsync(BotApplication bot)
    {
        await bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助"), Ct);
        var berlin = Activities.Message(Connector.ServiceUrl, "帮助", Member2, Member2Aad, "a:personal-2", name: "柏林同事");
        berlin["localTimezone"] = "Europe/Berlin";
        await bot.PostActivityAsync(berlin, Ct);
        await Connector.WaitForSendsAsync(2);
        Connector.Clear();
    }

    protected static JsonObject SaveData(string recurrence = "每月第一个周五 15:00", string timeZone = "", string title = "主题党日", string audience = "all") => new()
    {
        ["title"] = title, ["kind"] = "主题党日", ["recurrence"] = recurrence, ["timeZone"] = timeZone, ["location"] = "机关三楼会议室",
        ["agenda"] = "重温入党誓词", ["audience"] = audience, ["leads"] = "", ["speechLink"] = "theme-party-day", ["shiftHolidays"] = "true", ["mandatory"] = "false",
    };

    protected static async Task<string> InvokeAsync(BotApplication bot, JsonObject activity)
    {
        var response = await bot.PostActivityAsync(activity, Ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        return body.Readable();
    }

    protected Task<string> AdminAsync(BotApplication bot, string verb, JsonObject data) =>
        InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, verb, data, userId: "29:admin", aad: Activities.AdminAad, conversationId: "a:personal-admin"));

    /// <summary>
    /// Waits until no delivery is in flight (every send taken is recorded as sent or failed). Call it before moving
    /// business time far ahead: a lease read against the moved clock looks expired, and a send whose completion was
    /// not written yet would be taken and sent again (a real clock does not jump an hour at once).
    /// </summary>
    protected static async Task WaitForDeliveriesSettledAsync(BotApplication bot)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using var scope = bot.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrganBot.Bot.Storage.BotDbContext>();
            if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                    db.Set<OrganBot.Bot.Delivery.DeliveryRecord>(), d => d.State == DeliveryState.Sending, Ct)) return;
            await Task.Delay(50, Ct);
        }

        throw new TimeoutException("A delivery stayed in flight for 10 s.");
    }

    /// <summary>导出台账 as the admin, then opens the link: a CSV file (UTF-8 with BOM) that works once. Returns its text.</summary>
    protected Task<string> DownloadLedgerAsync(BotApplication bot, JsonObject data) =>
        DownloadAsync(bot, "remind.admin.export", data, "出勤台账", "/api/admin/downloads/attendance/");

    /// <summary>Presses an export button as the admin and opens the card's one-time link (checked to work once). Returns the CSV text.</summary>
    protected async Task<string> DownloadAsync(BotApplication bot, string verb, JsonObject data, string heading, string pathPrefix)
    {
        Connector.Clear();
        await AdminAsync(bot, verb, data);
        var card = Assert.Single(await Connector.WaitForSendsAsync(1)).Card!;
        Assert.Contains(heading, card.Readable(), StringComparison.Ordinal);
        var link = new Uri(card["actions"]![0]!["url"]!.GetValue<string>());
        Assert.StartsWith(pathPrefix, link.AbsolutePath, StringComparison.Ordinal);
        using var client = bot.CreateClient();

        var response = await client.GetAsync(link.PathAndQuery, Ct);
        var again = await client.GetAsync(link.PathAndQuery, Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Gone, again.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    protected static async Task<ReminderEvent> SingleEventAsync(BotApplication bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return Assert.Single(await scope.ServiceProvider.GetRequiredService<IReminderStore>().ListEventsAsync(Ct));
    }

    protected static async Task<DateTimeOffset?> RunDispatcherAsync(BotApplication bot, string eventId)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().RunAsync(eventId, Ct);
    }

    protected static async Task<IScheduler> SchedulerAsync(BotApplication bot) =>
        await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);

    protected static async Task<IReadOnlyList<DeliveryStatus>> BatchAsync(BotApplication bot, string occurrenceKey)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDeliveryQueue>().GetBatchAsync(occurrenceKey, Ct);
    }
}
