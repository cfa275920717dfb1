using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.Delivery;

/// <summary><see cref="IDeliveryQueue"/> on the outbox table.</summary>
internal sealed class DeliveryQueue(DeliveryStore store, DeliverySignal signal) : IDeliveryQueue
{
    public async Task<int> EnqueueAsync(IReadOnlyList<DeliveryRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0) return 0;
        var added = await store.EnqueueAsync(requests, cancellationToken);
        if (added > 0) signal.Pulse();
        return added;
    }

    public async Task<IReadOnlyList<DeliveryStatus>> GetBatchAsync(string batchId, CancellationToken cancellationToken) =>
        [.. (await store.GetBatchAsync(batchId, cancellationToken)).Select(DeliveryStore.ToStatus)];
}
