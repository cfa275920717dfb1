using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Delivery;

[Trait("Category", "Postgres")]
public sealed class TwoInstanceTests
{
    [Fact]
    public async Task TwoInstancesOnPostgres_ShareOneBatch_EveryRecipientOnceAndBothWorked()
    {
        Assert.SkipWhen(BotApplication.PostgresServer is null, "Needs ORGANBOT_TEST_PG (SQLite runs a single worker).");
        // No hung calls here, so a generous attempt timeout: a slow answer must not be mistaken for a lost one (and resent).
        var settings = new Dictionary<string, string?> { ["Delivery:AttemptTimeout"] = "00:00:10" };
        await using var h = await DeliveryHarness.StartAsync(tenantRate: 40, settings: settings);
        var second = new CompletionRecorder();
        var otherSettings = DeliveryHarness.FastSettings(40);
        otherSettings["Delivery:AttemptTimeout"] = "00:00:10";
        await using var other = new BotApplication(otherSettings, s => s.AddSingleton<IDeliveryObserver>(second).AddSingleton<IDeliveryObserver>(h.Completions), databaseName: h.Bot.DatabaseName);
        other.Start();
        const int count = 120;
        await h.SeedMembersAsync(count);

        await h.EnqueueAsync([.. Enumerable.Range(0, count).Select(i => new DeliveryRequest($"two:{i}", new DeliveryTarget.User(DeliveryHarness.MemberId(i)), OutgoingMessage.FromText("通知"), "two", "test"))]);
        await h.Completions.WaitForAsync("two", count, TimeSpan.FromSeconds(30));
        var batch = await h.GetBatchAsync("two");

        Assert.All(batch, s => Assert.Equal(DeliveryState.Sent, s.State));
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(1, h.Simulator.Delivered[DeliveryHarness.ChatId(DeliveryHarness.MemberId(i))]));
        Assert.True(h.Completions.All.Count > second.All.Count, "the first instance sent none");
        Assert.NotEmpty(second.All);
    }

    [Fact]
    public async Task TwoInstancesOnPostgres_EachSetToTeamsLimit_ShareItAndProvokeNo429()
    {
        Assert.SkipWhen(BotApplication.PostgresServer is null, "Needs ORGANBOT_TEST_PG.");
        // Both instances are set to the channel's own limit; neither knows about the other except through the database.
        // The wide safety margin keeps this loaded, shared test machine's scheduling delays from squeezing paced calls together.
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:AttemptTimeout"] = "00:00:10",
            ["Delivery:HeartbeatInterval"] = "00:00:00.500",
            ["Delivery:PacerSafetyMargin"] = "00:00:00.200",
        };
        await using var h = await DeliveryHarness.StartAsync(tenantRate: 40, settings: settings);
        var second = new CompletionRecorder();
        var otherSettings = DeliveryHarness.FastSettings(40);
        foreach (var (key, value) in settings) otherSettings[key] = value;
        await using var other = new BotApplication(otherSettings, s => s.AddSingleton<IDeliveryObserver>(second).AddSingleton<IDeliveryObserver>(h.Completions), databaseName: h.Bot.DatabaseName);
        other.Start();
        const int count = 160;
        await h.SeedMembersAsync(count);

        // Let each instance see the other's heartbeat (a few intervals), as it would long before a real broadcast.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await h.EnqueueAsync([.. Enumerable.Range(0, count).Select(i => new DeliveryRequest($"share:{i}", new DeliveryTarget.User(DeliveryHarness.MemberId(i)), OutgoingMessage.FromText("通知"), "share", "test"))]);
        await h.Completions.WaitForAsync("share", count, TimeSpan.FromSeconds(60));

        Assert.Equal(0, h.Simulator.LimitViolations);
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(1, h.Simulator.Delivered[DeliveryHarness.ChatId(DeliveryHarness.MemberId(i))]));
        Assert.NotEmpty(second.All);
        Assert.True(h.Completions.All.Count > second.All.Count, "the first instance sent none");
    }

    [Fact]
    public async Task TwoInstancesOnPostgres_SecondJoinsMidSendAtTeamsLimit_NoCallOverTheLimitEveryoneOnce()
    {
        Assert.SkipWhen(BotApplication.PostgresServer is null, "Needs ORGANBOT_TEST_PG.");
        // The first instance sends alone at the channel's own limit; the second starts mid-send with the same setting and
        // the default heartbeat. It must not send before the first has counted it and slowed to half (the old share's calls
        // still in Teams' window would otherwise add to the new ones).
        var settings = new Dictionary<string, string?> { ["Delivery:AttemptTimeout"] = "00:00:10" };
        await using var h = await DeliveryHarness.StartAsync(tenantRate: 40, settings: settings);
        const int count = 400;
        await h.SeedMembersAsync(count);
        await h.EnqueueAsync([.. Enumerable.Range(0, count).Select(i => new DeliveryRequest($"join:{i}", new DeliveryTarget.User(DeliveryHarness.MemberId(i)), OutgoingMessage.FromText("通知"), "join", "test"))]);
        await h.Connector.WaitForAsync(c => c.Count >= 80, TimeSpan.FromSeconds(30));

        var second = new CompletionRecorder();
        var otherSettings = DeliveryHarness.FastSettings(40);
        foreach (var (key, value) in settings) otherSettings[key] = value;
        await using var other = new BotApplication(otherSettings, s => s.AddSingleton<IDeliveryObserver>(second).AddSingleton<IDeliveryObserver>(h.Completions), databaseName: h.Bot.DatabaseName);
        other.Start();
        await h.Completions.WaitForAsync("join", count, TimeSpan.FromSeconds(90));

        Assert.Equal(0, h.Simulator.LimitViolations);
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(1, h.Simulator.Delivered[DeliveryHarness.ChatId(DeliveryHarness.MemberId(i))]));
        Assert.NotEmpty(second.All);
    }

    [Fact]
    public async Task TwoInstancesOnPostgres_EnqueueOnOne_WakesTheOtherWithoutWaitingForItsPoll()
    {
        Assert.SkipWhen(BotApplication.PostgresServer is null, "Needs ORGANBOT_TEST_PG.");
        // The first instance has no worker; the second polls only every 30 s, so only the notification can wake it in time.
        await using var h = await DeliveryHarness.StartAsync(settings: new Dictionary<string, string?> { ["Delivery:WorkerEnabled"] = "false" });
        var second = new CompletionRecorder();
        var otherSettings = DeliveryHarness.FastSettings();
        otherSettings["Delivery:PollInterval"] = "00:00:30";
        await using var other = new BotApplication(otherSettings, s => s.AddSingleton<IDeliveryObserver>(second), databaseName: h.Bot.DatabaseName);
        other.Start();
        await h.SeedMembersAsync(3);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken); // the second worker is idle in its poll

        var enqueued = Stopwatch.GetTimestamp();
        await h.EnqueueAsync([.. Enumerable.Range(0, 3).Select(i => new DeliveryRequest($"wake:{i}", new DeliveryTarget.User(DeliveryHarness.MemberId(i)), OutgoingMessage.FromText("通知"), "wake", "test"))]);
        await second.WaitForAsync("wake", 3, TimeSpan.FromSeconds(25));
        var elapsed = Stopwatch.GetElapsedTime(enqueued);

        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"the second instance started after {elapsed.TotalSeconds:0.0} s");
        Assert.Equal(3, h.Simulator.Delivered.Count);
    }
}
