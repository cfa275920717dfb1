using System.Collections.Concurrent;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Tests.Reminders;

/// <summary>
/// Sees every delivery the pipeline finishes (sent, failed, expired) after its state is stored, so a test can wait for
/// the outbox to settle instead of sleeping. Register the same instance in every bot of a test.
/// </summary>
internal sealed class DeliveryWatcher : IDeliveryObserver, IDisposable
{
    private readonly ConcurrentQueue<DeliveryCompletion> _completed = new();
    private readonly SemaphoreSlim _signal = new(0);

    public IReadOnlyList<DeliveryCompletion> Completed => [.. _completed];

    public void OnCompleted(DeliveryCompletion completion)
    {
        _completed.Enqueue(completion);
        _signal.Release();
    }

    /// <summary>Waits until at least <paramref name="count"/> deliveries have finished; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<DeliveryCompletion>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var completed = Completed;
            if (completed.Count >= count) return completed;
            try
            {
                await _signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{completed.Count} of {count} deliveries finished: " +
                    string.Join(", ", completed.Select(c => $"{c.Status.DedupKey}={c.Status.State}")));
            }
        }
    }

    public void Dispose() => _signal.Dispose();
}
