using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Delivery;
using OrganBot.Tests.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.ReadReceipts;

/// <summary>
/// Issue 14: the follow-up goes through the outbox, so a kill mid-send and a second instance neither lose nor repeat it
/// (beyond the documented in-flight window after a kill).
/// </summary>
[Trait("Category", "Postgres")]
public sealed class FollowUpResilienceTests
{
    private const string AdminId = "29:admin-fu";
    private const string AdminChat = "a:admin-fu-chat";

    private static bool Reads(int member) => member % 10 < 3;

    private static JsonObject Receipt(string serviceUrl, int member) =>
        ReadReceiptHost.Receipt(serviceUrl, member, new JsonObject { ["lastReadMessageId"] = "999999999999999999" });

    private static JsonObject Id(string id) => new() { ["announcementId"] = id };

    [Fact]
    public async Task Remind_ProcessKilledMidSendAndRestarted_EveryUnreadMemberGetsItReadersNever()
    {
        const int members = 300;
        const int maxInFlight = 16;
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        var simulator = new TeamsSimulator(50);
        connector.Responder = simulator.Respond;
        var (databaseName, settings) = await ProcessAnnouncement.SeedAsync(connector, members, Activities.AdminAad);
        // As in KillRestartTests: 40/s below Teams' 50/s, a short lease so the killed process's rows come back quickly.
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Admins:AadObjectIds:0"] = Activities.AdminAad, ["Announcements:ProgressInterval"] = "00:00:00.250",
            ["Delivery:TenantRatePerSecond"] = "40", ["Delivery:MaxInFlight"] = maxInFlight.ToString(CultureInfo.InvariantCulture),
            ["Delivery:PollInterval"] = "00:00:00.200", ["Delivery:AttemptTimeout"] = "00:00:03", ["Delivery:Lease"] = "00:00:06",
        })
        {
            settings[key] = value;
        }
        var unread = Enumerable.Range(0, members).Where(m => !Reads(m)).ToList();

        try
        {
            await using (var first = await BotProcess.StartAsync(settings))
            {
                var preview = await first.PostActivityAsync(Activities.Execute(connector.ServiceUrl, "announce.preview", ReadReceiptHost.Form(), userId: AdminId, aad: Activities.AdminAad, conversationId: AdminChat), ct);
                var id = preview!["value"]!["actions"]![0]!["data"]!["announcementId"]!.GetValue<string>();
                await first.PostActivityAsync(Activities.Execute(connector.ServiceUrl, "announce.send", Id(id), userId: AdminId, aad: Activities.AdminAad, conversationId: AdminChat), ct);
                await connector.WaitForAsync(c => c.Any(x => x.Method == "PUT" && x.ConversationId == AdminChat && x.Card.Readable().Contains("发送报告", StringComparison.Ordinal)), TimeSpan.FromSeconds(90));
                foreach (var member in Enumerable.Range(0, members).Where(Reads)) await first.PostActivityAsync(Receipt(connector.ServiceUrl, member), ct);

                await first.PostActivityAsync(Activities.Execute(connector.ServiceUrl, "followup.remind", Id(id), userId: AdminId, aad: Activities.AdminAad, conversationId: AdminChat), ct);
                await connector.WaitForAsync(_ => unread.Count(m => ReadReceiptHost.FollowUps(simulator, ReadReceiptHost.Chat(m)) > 0) >= unread.Count / 4, TimeSpan.FromSeconds(60));
                await first.KillAsync();
            }

            var atKill = unread.Count(m => ReadReceiptHost.FollowUps(simulator, ReadReceiptHost.Chat(m)) > 0);
            TestContext.Current.TestOutputHelper?.WriteLine($"follow-ups delivered before the kill: {atKill} of {unread.Count}");
            Assert.True(atKill < unread.Count, "The kill came too late to be mid-send.");

            await using var second = await BotProcess.StartAsync(settings);
            await connector.WaitForAsync(_ => unread.All(m => ReadReceiptHost.FollowUps(simulator, ReadReceiptHost.Chat(m)) > 0), TimeSpan.FromSeconds(90));
            await Task.Delay(1000, ct);

            var perUnread = unread.Select(m => ReadReceiptHost.FollowUps(simulator, ReadReceiptHost.Chat(m))).ToList();
            var twice = perUnread.Count(n => n > 1);
            TestContext.Current.TestOutputHelper?.WriteLine($"unread members reminded twice (in flight at the kill): {twice}");
            Assert.All(perUnread, n => Assert.InRange(n, 1, 2));
            Assert.True(twice <= maxInFlight, $"{twice} got it twice; only the {maxInFlight} rows in flight at the kill may.");
            Assert.All(Enumerable.Range(0, members).Where(Reads), m => Assert.Equal(0, ReadReceiptHost.FollowUps(simulator, ReadReceiptHost.Chat(m))));
            Assert.Equal(0, simulator.LimitViolations);
        }
        finally
        {
            await using var cleanup = new BotApplication(databaseName: databaseName) { DeleteDatabaseOnDispose = true };
        }
    }

    [Fact]
    public async Task Remind_TwoInstancesOnPostgres_EveryUnreadMemberOnceAndBothWorked()
    {
        Assert.SkipWhen(BotApplication.PostgresServer is null, "Needs ORGANBOT_TEST_PG (SQLite runs a single worker).");
        const int members = 120;
        await using var host = await ReadReceiptHost.StartAsync(members, new() { ["Delivery:TenantRatePerSecond"] = "40", ["Delivery:AttemptTimeout"] = "00:00:10" });
        // The second instance records what it sent; the rest was the first's.
        var second = new CompletionRecorder();
        var otherSettings = DeliveryHarness.FastSettings(40);
        otherSettings["Delivery:AttemptTimeout"] = "00:00:10";
        otherSettings["Admins:AadObjectIds:0"] = Activities.AdminAad;
        await using var other = new BotApplication(otherSettings, s => s.AddSingleton<IDeliveryObserver>(second), databaseName: host.Bot.DatabaseName);
        other.Start();
        var id = await host.SendAnnouncementAsync();
        foreach (var member in Enumerable.Range(0, members).Where(Reads)) (await host.ReceiptAsync(member, new JsonObject { ["lastReadMessageId"] = "999999999999999999" })).EnsureSuccessStatusCode();
        var unread = Enumerable.Range(0, members).Where(m => !Reads(m)).ToList();

        await host.ExecuteAsync("followup.remind", Id(id));
        await host.Connector.WaitForAsync(_ => unread.All(m => host.FollowUpsTo(m) > 0), TimeSpan.FromSeconds(40));
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        var batch = await host.BatchAsync($"ann:{id}:followup");

        Assert.All(unread, m => Assert.Equal(1, host.FollowUpsTo(m)));
        Assert.All(Enumerable.Range(0, members).Where(Reads), m => Assert.Equal(0, host.FollowUpsTo(m)));
        Assert.Equal(unread.Count + 1, batch.Count(s => s.State == DeliveryState.Sent)); // + the admin, who has not read it
        var bySecond = second.All.Count(c => c.BatchId == $"ann:{id}:followup");
        Assert.True(bySecond > 0, "the second instance sent none");
        Assert.True(bySecond < batch.Count, "the first instance sent none");
    }
}
