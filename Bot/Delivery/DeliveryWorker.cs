using Microsoft.Extensions.Options;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// Sends from the outbox: claims due rows in small batches, keeps up to <see cref="DeliveryOptions.MaxInFlight"/> of them
/// moving through the pacer and the connector at once, and sleeps when nothing is due. On shutdown it stops claiming,
/// hands rows still waiting for the pacer back, and lets calls already on the wire finish and record their answer.
/// </summary>
internal sealed class DeliveryWorker(
    IServiceScopeFactory scopes,
    DeliverySender sender,
    DeliverySignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    /// <summary>How long a busy worker gathers free slots before claiming, so claims come in batches rather than one by one.</summary>
    private static readonly TimeSpan s_gather = TimeSpan.FromMilliseconds(50);

    private static readonly IReadOnlyDictionary<long, ConversationRecord> s_noneResolved = new Dictionary<long, ConversationRecord>();

    private readonly DeliveryOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DeliveryLog.Started(logger, _options.TenantRatePerSecond, _options.MaxInFlight);
        var slots = new SemaphoreSlim(_options.MaxInFlight, _options.MaxInFlight);
        var inFlight = new HashSet<Task>();
        var batchTarget = Math.Max(1, _options.MaxInFlight / 2);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var taken = 1;
                if (InFlightCount(inFlight) > 0)
                {
                    using var gather = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    gather.CancelAfter(s_gather);
                    try
                    {
                        while (taken < batchTarget && await slots.WaitAsync(Timeout.Infinite, gather.Token)) taken++;
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        // Gathered for long enough.
                    }
                }

                while (taken < batchTarget && slots.Wait(0, CancellationToken.None)) taken++;

                IReadOnlyList<DeliveryRecord> claimed;
                IReadOnlyDictionary<long, ConversationRecord> resolved = s_noneResolved;
                await using var scope = scopes.CreateAsyncScope();
                var store = new DeliveryStore(scope.ServiceProvider.GetRequiredService<BotDbContext>(), time);
                try
                {
                    // Not cancelled by a stop: a claim interrupted after its UPDATE would leave rows taken but unknown to
                    // this worker until their lease ends. Claimed rows go to the sender, which hands them back at once.
                    claimed = await store.ClaimAsync(taken, _options.Lease, CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    DeliveryLog.ClaimFailed(logger, ex);
                    slots.Release(taken);
                    await signal.WaitAsync(_options.PollInterval, time, stoppingToken);
                    continue;
                }

                if (claimed.Count < taken) slots.Release(taken - claimed.Count);
                try
                {
                    // The rows are ours now: whatever happens here, each of them still goes to the sender.
                    resolved = await store.ResolveConversationsAsync(claimed, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    DeliveryLog.ClaimFailed(logger, ex);
                }

                foreach (var row in claimed)
                {
                    var task = RunAsync(row, resolved.GetValueOrDefault(row.Id), slots, stoppingToken);
                    lock (inFlight) inFlight.Add(task);
                    _ = task.ContinueWith(t => { lock (inFlight) inFlight.Remove(t); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }

                if (claimed.Count == 0)
                {
                    await signal.WaitAsync(_options.PollInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host is stopping.
        }

        Task[] remaining;
        lock (inFlight) remaining = [.. inFlight];
        DeliveryLog.Stopping(logger, remaining.Length);
        await Task.WhenAll(remaining);
        DeliveryLog.Stopped(logger, sender.Released);
    }

    private async Task RunAsync(DeliveryRecord row, ConversationRecord? conversation, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await sender.ProcessAsync(row, conversation, stoppingToken);
        }
        catch (Exception ex)
        {
            // ProcessAsync records its own failures; this only guards the loop against the unexpected.
            DeliveryLog.Unexpected(logger, ex, row.DedupKey);
        }
        finally
        {
            slots.Release();
        }
    }

    private static int InFlightCount(HashSet<Task> inFlight)
    {
        lock (inFlight) return inFlight.Count;
    }
}
