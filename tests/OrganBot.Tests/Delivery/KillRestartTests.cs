using System.Globalization;
using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Delivery;

/// <summary>
/// Issue 6: killing the bot mid-send and starting it again on the same database finishes the announcement with no
/// recipient lost and none messaged twice, except rows that were in flight at the kill (at most
/// <c>Delivery:MaxInFlight</c>: claimed, possibly accepted by the connector, not yet recorded as sent).
/// </summary>
[Trait("Category", "Postgres")]
public sealed class KillRestartTests
{
    private const int Members = 300;
    private const int MaxInFlight = 16;
    private const double Rate = 40;
    private const string AdminId = "29:admin-kill";
    private const string AdminChat = "a:admin-kill-chat";

    [Fact]
    public async Task Announcement_ProcessKilledMidSendAndRestarted_EveryMemberGetsItAndOnlyInFlightRowsTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        // Teams' limit is above the pipeline's rate: the admin's progress card is updated through the interactive client,
        // outside the pipeline's pacer, and needs the headroom (as in production: configure the pipeline below 50/s).
        var simulator = new TeamsSimulator(Rate + 10);
        connector.Responder = simulator.Respond;

        var (databaseName, settings) = await BotProcess.SeedDatabaseAsync(connector.ServiceUrl, Members);

        settings["Admins:AadObjectIds:0"] = Activities.AdminAad;
        settings["Announcements:ProgressInterval"] = "00:00:00.250";
        settings["Delivery:TenantRatePerSecond"] = Rate.ToString(CultureInfo.InvariantCulture);
        settings["Delivery:MaxInFlight"] = MaxInFlight.ToString(CultureInfo.InvariantCulture);
        settings["Delivery:PollInterval"] = "00:00:00.200";
        settings["Delivery:AttemptTimeout"] = "00:00:03";
        // Rows left "Sending" by the killed process are claimed again after the lease: short here so the test is quick.
        settings["Delivery:Lease"] = "00:00:06";

        try
        {
            int deliveredAtKill;
            await using (var first = await BotProcess.StartAsync(settings))
            {
                var preview = await first.PostActivityAsync(Activities.Execute(connector.ServiceUrl, "announce.preview", Form(), userId: AdminId, aad: Activities.AdminAad, conversationId: AdminChat), ct);
                var id = preview!["value"]!["actions"]![0]!["data"]!["announcementId"]!.GetValue<string>();
                await first.PostActivityAsync(Activities.Execute(connector.ServiceUrl, "announce.send", new JsonObject { ["announcementId"] = id }, userId: AdminId, aad: Activities.AdminAad, conversationId: AdminChat), ct);

                await connector.WaitForAsync(_ => DeliveredMembers(simulator) >= Members / 5, TimeSpan.FromSeconds(60));
                await first.KillAsync();
                deliveredAtKill = DeliveredMembers(simulator);
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"delivered before the kill: {deliveredAtKill}");
            Assert.True(deliveredAtKill < Members, $"The kill came too late to be mid-send ({deliveredAtKill} of {Members} delivered).");
            var callsAtKill = connector.Calls.Count;

            await using var second = await BotProcess.StartAsync(settings);
            // The restarted process finds the announcement still sending and, once every row is done, shows the admin the report.
            await connector.WaitForAsync(
                calls => calls.Skip(callsAtKill).Any(c => c.Method == "PUT" && c.ConversationId == AdminChat && c.Card.Readable().Contains("发送报告", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(90));

            var perMember = Enumerable.Range(0, Members).Select(i => simulator.Delivered.GetValueOrDefault(DeliveryHarness.ChatId(DeliveryHarness.MemberId(i)))).ToList();
            Assert.All(perMember, n => Assert.True(n >= 1, "A member never got the announcement."));
            var twice = perMember.Count(n => n > 1);
            TestContext.Current.TestOutputHelper?.WriteLine($"members messaged twice (in flight at the kill): {twice}");
            Assert.True(twice <= MaxInFlight, $"{twice} members got it twice; only the {MaxInFlight} rows in flight at the kill may.");
            Assert.All(perMember, n => Assert.True(n <= 2, "A member got it more than twice."));
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
        ["title"] = "关于开展主题党日活动的通知",
        ["body"] = "请各支部于**12月4日**前报名。",
        ["audience"] = "all",
        ["when"] = "now",
    };
}
