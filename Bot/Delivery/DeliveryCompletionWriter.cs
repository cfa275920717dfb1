using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// Records outcomes in batches (Sent, and also Failed/Expired and reschedules, which a fault-heavy run has a few percent of):
/// a sender hands over the outcome and waits; the writer stores up to
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
    private readonly Channel<Outcome> _channel = Channel.CreateUnbounded<Outcome>(new UnboundedChannelOptions { SingleReader = true });
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
    public Task MarkSentAsync(long id, string? conversationId, string? activityId, DateTimeOffset sentAt) =>
        Submit(new SentEntry(id, conversationId, activityId, sentAt));

    /// <summary>Failed or Expired, final, only while <paramref name="claim"/> still holds the row; completes with the rows changed (0 or 1) once stored.</summary>
    public Task<int> MarkFinalAsync(long id, Guid claim, DeliveryState state, string error, string? conversationId, DateTimeOffset at) =>
        Submit(new FinalEntry(id, claim, state, DeliveryStore.Truncate(error), conversationId, at));

    /// <summary>Back to Pending at <paramref name="nextAttemptAt"/>, only while <paramref name="claim"/> still holds the row; completes once stored.</summary>
    public Task<int> RescheduleAsync(long id, Guid claim, DateTimeOffset nextAttemptAt, string? error, bool countAttempt) =>
        Submit(new RescheduleEntry(id, claim, nextAttemptAt, DeliveryStore.Truncate(error), countAttempt));

    private Task<int> Submit(Outcome entry)
    {
        if (!_channel.Writer.TryWrite(entry)) throw new InvalidOperationException("The delivery completion writer has stopped.");
        _ = _loop.Value;
        return entry.Stored.Task;
    }

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<Outcome>(_options.CompletionBatchSize);
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
            var changed = await FlushAsync(batch);
            for (var i = 0; i < batch.Count; i++) batch[i].Stored.TrySetResult(changed[i]);
            batch.Clear();
        }
    }

    /// <summary>One transaction per batch; retried until it commits (the rows stay leased meanwhile).</summary>
    private async Task<int[]> FlushAsync(List<Outcome> batch)
    {
        var changed = new int[batch.Count];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
                var rows = db.Set<DeliveryRecord>();
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                for (var i = 0; i < batch.Count; i++) changed[i] = await batch[i].ApplyAsync(rows);

                await transaction.CommitAsync(CancellationToken.None);
                Interlocked.Increment(ref _flushes);
                return changed;
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

    [LoggerMessage(EventId = 8008, Level = LogLevel.Error, Message = "Could not record {Count} delivery outcomes (attempt {Attempt}); retrying")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int count, int attempt);

    /// <summary>One row's outcome, applied inside the batch's transaction.</summary>
    private abstract record Outcome
    {
        public TaskCompletionSource<int> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public abstract Task<int> ApplyAsync(DbSet<DeliveryRecord> rows);
    }

    /// <summary>The connector answered 2xx: the row is sent, whoever holds its lease now.</summary>
    private sealed record SentEntry(long Id, string? ConversationId, string? ActivityId, DateTimeOffset SentAt) : Outcome
    {
        public override Task<int> ApplyAsync(DbSet<DeliveryRecord> rows) => rows.Where(r => r.Id == Id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.State, DeliveryState.Sent).SetProperty(r => r.ConversationId, ConversationId)
                .SetProperty(r => r.ActivityId, ActivityId).SetProperty(r => r.MessageNumber, ReadReceipts.TeamsMessageId.ToNumber(ActivityId)).SetProperty(r => r.SentAt, SentAt).SetProperty(r => r.CompletedAt, SentAt)
                .SetProperty(r => r.Error, (string?)null).SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null),
            CancellationToken.None);
    }

    private sealed record FinalEntry(long Id, Guid Claim, DeliveryState State, string? Error, string? ConversationId, DateTimeOffset At) : Outcome
    {
        public override Task<int> ApplyAsync(DbSet<DeliveryRecord> rows) => rows.Where(r => r.Id == Id && r.ClaimToken == Claim).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.State, State).SetProperty(r => r.Error, Error).SetProperty(r => r.CompletedAt, At)
                .SetProperty(r => r.ConversationId, ConversationId)
                .SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null),
            CancellationToken.None);
    }

    private sealed record RescheduleEntry(long Id, Guid Claim, DateTimeOffset NextAttemptAt, string? Error, bool CountAttempt) : Outcome
    {
        public override Task<int> ApplyAsync(DbSet<DeliveryRecord> rows)
        {
            var giveBack = CountAttempt ? 0 : 1;
            return rows.Where(r => r.Id == Id && r.ClaimToken == Claim).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, DeliveryState.Pending).SetProperty(r => r.NextAttemptAt, NextAttemptAt)
                    .SetProperty(r => r.Error, Error).SetProperty(r => r.Attempts, r => r.Attempts - giveBack)
                    .SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null),
                CancellationToken.None);
        }
    }
}
