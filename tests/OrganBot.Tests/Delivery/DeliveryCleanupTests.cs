using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Tests.Delivery;

/// <summary>Finished progress-card updates do not pile up in the outbox; what was sent to members, and what is still to go, stays.</summary>
[Trait("Category", "Postgres")]
public sealed class DeliveryCleanupTests
{
    [Fact]
    public async Task Cleanup_AfterRetention_DeletesFinishedUpdatesOnly_KeepsSendsAndPendingUpdates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await DeliveryHarness.StartAsync();
        await h.SeedMembersAsync(3);
        var admin = DeliveryHarness.ChatId(DeliveryHarness.MemberId(0));
        await h.EnqueueAsync([.. Enumerable.Range(0, 3).Select(i => new DeliveryRequest(
            $"ann:{i}", new DeliveryTarget.User(DeliveryHarness.MemberId(i)), OutgoingMessage.FromText("公告"), "ann", "test"))]);
        await h.Completions.WaitForAsync("ann", 3);
        foreach (var n in new[] { 1, 2 })
        {
            // Two refreshes of the admin's progress card, each sent before the next (so neither is merged into the other).
            await h.EnqueueAsync([new DeliveryRequest($"ann:progress:{n}", new DeliveryTarget.Conversation(admin), OutgoingMessage.FromText($"已发送 {n}"), "ann:progress", "test", Operation: DeliveryOperation.Update, ActivityId: "control-1")]);
            await h.Completions.WaitForAsync("ann:progress", n);
        }

        DateTimeOffset now;
        await using (var scope = h.Bot.Services.CreateAsyncScope())
        {
            // An update still waiting (due far in the future) must survive the cleanup.
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            db.Set<DeliveryRecord>().Add(new DeliveryRecord
            {
                DedupKey = "ann:progress:3", BatchId = "ann:progress", Category = "test", TargetKind = DeliveryStore.ConversationTarget, TargetId = admin,
                Operation = DeliveryOperation.Update, TargetActivityId = "control-1", MessageJson = "{}", State = DeliveryState.Pending,
                NextAttemptAt = now.AddDays(30), CreatedAt = now,
            });
            await db.SaveChangesAsync(ct);

            // Within the retention nothing goes; a retention later the two finished updates go.
            Assert.Equal(0, await DeliveryCleanup.DeleteFinishedUpdatesAsync(db, now - TimeSpan.FromDays(1), ct));
            Assert.Equal(2, await DeliveryCleanup.DeleteFinishedUpdatesAsync(db, now + TimeSpan.FromMinutes(1), ct));
        }

        Assert.Equal(["ann:progress:3"], (await h.GetBatchAsync("ann:progress")).Select(s => s.DedupKey));
        var sends = await h.GetBatchAsync("ann");
        Assert.Equal(3, sends.Count);
        Assert.All(sends, s => Assert.Equal(DeliveryState.Sent, s.State));
    }
}
