using System.Text.Json.Nodes;
using OrganBot.Tests.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Hosting;

/// <summary>
/// SIGTERM mid-announcement (what systemd, App Service and a rolling restart send): the bot stops claiming, lets calls
/// already on the wire finish and record their answer, hands the rest back to the queue and says so; another instance
/// then finishes at once, not after the lease, with nobody missed and nobody messaged twice.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class GracefulShutdownTests
{
    private const int Members = 300;
    private const string AdminId = "29:admin-term";
    private const string AdminChat = "a:admin-term-chat";

    [Fact]
    public async Task Announcement_SigtermMidSend_AnotherInstanceFinishesWithNoneLostAndNoneTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        var simulator = new TeamsSimulator(50);
        connector.Responder = simulator.Respond;

        string databaseName;
        Dictionary<string, string?> settings;
        await using (var seed = new BotApplication())
        {
            seed.Start();
            seed.KeepDatabase = true;
            databaseName = seed.DatabaseName;
            await DeliveryHarness.SeedMembersAsync(seed.Services, connector.ServiceUrl, Members);
            settings = new Dictionary<string, string?>(seed.Settings);
        }

        settings["Admins:AadObjectIds:0"] = Activities.AdminAad;
        settings["Logging:Console:FormatterName"] = "simple";
        settings["Logging:LogLevel:OrganBot"] = "Information";
        settings["Delivery:TenantRatePerSecond"] = "40";
        settings["Delivery:MaxInFlight"] = "16";
        settings["Delivery:PollInterval"] = "00:00:00.200";
        settings["Delivery:AttemptTimeout"] = "00:00:03";
        // A lease far longer than the test: anything the stopped instance kept claimed would never be sent in time.
        settings["Delivery:Lease"] = "00:10:00";

        try
        {
            int deliveredAtStop;
            string stoppedLog;
            await using (var first = await BotProcess.StartAsync(settings))
            {
                var preview = await first.PostActivityAsync(Activities.Execute(connector.ServiceUrl, "announce.preview", Form(), userId: AdminId, aad: Activities.AdminAad, conversationId: AdminChat), ct);
                var id = preview!["value"]!["actions"]![0]!["data"]!["announcementId"]!.GetValue<string>();
                await first.PostActivityAsync(Activities.Execute(connector.ServiceUrl, "announce.send", new JsonObject { ["announcementId"] = id }, userId: AdminId, aad: Activities.AdminAad, conversationId: AdminChat), ct);
                await connector.WaitForAsync(_ => DeliveredMembers(simulator) >= Members / 5, TimeSpan.FromSeconds(60));

                var exitCode = await first.TerminateAsync(TimeSpan.FromSeconds(30));

                deliveredAtStop = DeliveredMembers(simulator);
                stoppedLog = first.Output;
                Assert.Equal(0, exitCode);
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"delivered before SIGTERM finished: {deliveredAtStop}");
            Assert.True(deliveredAtStop < Members, $"SIGTERM came too late to be mid-send ({deliveredAtStop} of {Members} delivered).");
            Assert.Contains("Delivery worker stopping: no new claims", stoppedLog, StringComparison.Ordinal);
            Assert.Contains("were handed back to the queue", stoppedLog, StringComparison.Ordinal);

            await using var second = await BotProcess.StartAsync(settings);
            await connector.WaitForAsync(_ => DeliveredMembers(simulator) >= Members, TimeSpan.FromSeconds(60));

            var perMember = Enumerable.Range(0, Members).Select(i => simulator.Delivered.GetValueOrDefault(DeliveryHarness.ChatId(DeliveryHarness.MemberId(i)))).ToList();
            Assert.All(perMember, n => Assert.Equal(1, n));
            Assert.Equal(0, simulator.LimitViolations);
        }
        finally
        {
            await using var cleanup = new BotApplication(databaseName: databaseName) { DeleteDatabaseOnDispose = true };
        }
    }

    private static int DeliveredMembers(TeamsSimulator simulator) =>
        simulator.Delivered.Keys.Count(k => k.StartsWith("a:dm-29:member-", StringComparison.Ordinal));

    private static JsonObject Form() => new()
    {
        ["title"] = "关于年底前完成述职材料的通知",
        ["body"] = "请各位于**12月20日**前提交。",
        ["audience"] = "all",
        ["when"] = "now",
    };
}
