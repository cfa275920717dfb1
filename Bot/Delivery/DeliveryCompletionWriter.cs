using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// Records "sent" outcomes in batches: a sender hands over the connector's 2xx and waits; the writer stores up to
/// <see cref="DeliveryOptions.CompletionBatchSize"/> of them per transaction, flushing as soon as a batch is full or
/// <see cref="DeliveryOptions.CompletionFlushInterval"/> after its first entry (and at once whatever piled up while the
/// previous flush ran: group commit). On SQLite's single writer this turns one commit per message into one per batch.
/// At most once still holds: the sender keeps its row (and its worker slot) until the flush has committed, and the row
/// stays "Sending" under its lease until then, so nobody can claim it again in between. If the process dies between the
/// connector's 2xx and the flush, the row is sent again after its lease: that is the documented in-flight window, still
/// bounded by <see cref="DeliveryOptions.MaxInFlight"/> because every row in it holds a slot.
/// </summary>
internal sealed partial class DeliveryCompletionWriter : IAsyncDisposable
{
    private readonly Channel<SentEntry> _channel = Channel.CreateUnbounded<SentEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly DeliveryOptions _options;
    private readonly ILogger<DeliveryCompletionWriter> _logger;
    private readonly Lazy<Task> _loop;

    public DeliveryCompletionWriter(IServiceScopeFactory scopes, IOptions<DeliveryOptions> options, ILogger<DeliveryCompletionWriter> logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _logger = logger;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Flushes written so far (for statistics).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    private long _flushes;

    /// <summary>Completes once the row is stored as Sent.</summary>
    public Task MarkSentAsync(long id, string conversationId, string? activityId, DateTimeOffset sentAt)
    {
        var entry = new SentEntry(id, conversationId, activityId, sentAt, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(entry)) throw new InvalidOperationException("The delivery completion writer has stopped.");
        _ = _loop.Value;
        return entry.Stored.Task;
    }

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<SentEntry>(_options.CompletionBatchSize);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < _options.CompletionBatchSize && reader.TryRead(out var entry)) batch.Add(entry);
            if (batch.Count < _options.CompletionBatchSize && _options.CompletionFlushInterval > TimeSpan.Zero)
            {
                // Linger briefly so neighbours share the commit.
                using var linger = new CancellationTokenSource(_options.CompletionFlushInterval);
                try
                {
                    while (batch.Count < _options.CompletionBatchSize && await reader.WaitToReadAsync(linger.Token))
                    {
                        while (batch.Count < _options.CompletionBatchSize && reader.TryRead(out var entry)) batch.Add(entry);
                    }
                }
                catch (OperationCanceledException)
                {
                    // Lingered long enough.
                }
            }

            if (batch.Count == 0) continue;
            await FlushAsync(batch);
            foreach (var entry in batch) entry.Stored.TrySetResult();
            batch.Clear();
        }
    }

    /// <summary>One transaction per batch; retried until it commits (the rows stay leased meanwhile).</summary>
    private async Task FlushAsync(List<SentEntry> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
                var rows = db.Set<DeliveryRecord>();
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                foreach (var e in batch)
                {
                    await rows.Where(r => r.Id == e.Id).ExecuteUpdateAsync(
                        s => s.SetProperty(r => r.State, Dialogs.Delivery.DeliveryState.Sent).SetProperty(r => r.ConversationId, e.ConversationId)
                            .SetProperty(r => r.ActivityId, e.ActivityId).SetProperty(r => r.SentAt, e.SentAt).SetProperty(r => r.CompletedAt, e.SentAt)
                            .SetProperty(r => r.Error, (string?)null).SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null),
                        CancellationToken.None);
                }

                await transaction.CommitAsync(CancellationToken.None);
                Interlocked.Increment(ref _flushes);
                return;
            }
            catch (Exception ex)
            {
                LogFlushFailed(_logger, ex, batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 50 * attempt)));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        if (_loop.IsValueCreated) await _loop.Value;
    }

    [LoggerMessage(EventId = 8008, Level = LogLevel.Error, Message = "Could not record {Count} sent deliveries (attempt {Attempt}); retrying")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int count, int attempt);

    private sealed record SentEntry(long Id, string ConversationId, string? ActivityId, DateTimeOffset SentAt, TaskCompletionSource Stored);
}
