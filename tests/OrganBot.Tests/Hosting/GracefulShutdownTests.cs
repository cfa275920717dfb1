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

        var (databaseName, settings) = await ProcessAnnouncement.SeedAsync(connector, Members, Activities.AdminAad);
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
            await using (var first = await BotProcess.StartAsync(settings, BotProcess.SlowStartTimeout))
            {
                await ProcessAnnouncement.SendAsync(first, connector, ProcessAnnouncement.Form("关于年底前完成述职材料的通知", "请各位于**12月20日**前提交。"), AdminId, Activities.AdminAad, AdminChat, ct);
                await connector.WaitForAsync(_ => ProcessAnnouncement.DeliveredMembers(simulator) >= Members / 5, TimeSpan.FromSeconds(60));

                var exitCode = await first.TerminateAsync(TimeSpan.FromSeconds(90));

                deliveredAtStop = ProcessAnnouncement.DeliveredMembers(simulator);
                stoppedLog = first.Output;
                Assert.Equal(0, exitCode);
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"delivered before SIGTERM finished: {deliveredAtStop}");
            Assert.True(deliveredAtStop < Members, $"SIGTERM came too late to be mid-send ({deliveredAtStop} of {Members} delivered).");
            Assert.Contains("Delivery worker stopping: no new claims", stoppedLog, StringComparison.Ordinal);
            Assert.Contains("were handed back to the queue", stoppedLog, StringComparison.Ordinal);

            await using var second = await BotProcess.StartAsync(settings, BotProcess.SlowStartTimeout);
            await connector.WaitForAsync(_ => ProcessAnnouncement.DeliveredMembers(simulator) >= Members, TimeSpan.FromSeconds(60));

            Assert.All(ProcessAnnouncement.PerMember(simulator, Members), n => Assert.Equal(1, n));
            Assert.Equal(0, simulator.LimitViolations);
        }
        finally
        {
            await ProcessAnnouncement.DropAsync(databaseName);
        }
    }
}
