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
}
