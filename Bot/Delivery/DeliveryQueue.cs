using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.Delivery;

/// <summary><see cref="IDeliveryQueue"/> on the outbox table.</summary>
internal sealed class DeliveryQueue(DeliveryStore store, DeliverySignal signal, BotDbContext db, TimeProvider time) : IDeliveryQueue, IDeliveryBatchControl
{
    public async Task<int> EnqueueAsync(IReadOnlyList<DeliveryRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0) return 0;
        var added = await store.EnqueueAsync(requests, cancellationToken);
        if (added > 0)
        {
            signal.Pulse();

            // Wakes idle workers of the other instances (delivered when the caller's transaction commits, if any).
            if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
            {
                await db.Database.ExecuteSqlRawAsync($"NOTIFY {DeliveryNotifications.Channel}", cancellationToken);
            }
        }

        return added;
    }

    public async Task<IReadOnlyList<DeliveryStatus>> GetBatchAsync(string batchId, CancellationToken cancellationToken) =>
        [.. (await store.GetBatchAsync(batchId, cancellationToken)).Select(DeliveryStore.ToStatus)];

    public async Task<DeliveryBatchSummary> SummarizeAsync(string batchId, TimeSpan rateWindow, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - rateWindow;
        var rows = db.Set<DeliveryRecord>().AsNoTracking().Where(r => r.BatchId == batchId);
        var counts = await rows.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var recent = await rows.CountAsync(r => r.State == DeliveryState.Sent && r.SentAt >= since, cancellationToken);
        int Of(DeliveryState state) => counts.FirstOrDefault(c => c.Key == state)?.Count ?? 0;
        return new DeliveryBatchSummary(counts.Sum(c => c.Count), Of(DeliveryState.Pending), Of(DeliveryState.Sending), Of(DeliveryState.Sent), Of(DeliveryState.Failed), Of(DeliveryState.Expired), recent);
    }

    public Task<int> CancelPendingAsync(string batchId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.Set<DeliveryRecord>().Where(r => r.BatchId == batchId && r.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, DeliveryState.Expired).SetProperty(r => r.Error, "cancelled").SetProperty(r => r.CompletedAt, now), cancellationToken);
    }

    public Task<int> ReplacePendingMessageAsync(string batchId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(message, DeliveryStore.MessageJson);
        return db.Set<DeliveryRecord>().Where(r => r.BatchId == batchId && r.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.MessageJson, json), cancellationToken);
    }
}
