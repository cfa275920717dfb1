using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.Storage;

/// <summary>
/// Marks inbound activities as taken on, so a redelivered one (same conversation, same activity id) is acknowledged
/// and not answered twice, also when another instance took the first delivery (PostgreSQL). The database decides:
/// <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c>, and only the delivery whose row was inserted goes on.
/// <para>
/// Marks are group-committed: turns arriving while an insert runs wait for the next one, which carries all of them
/// in one statement. One insert per turn made concurrent turns fight over SQLite's write lock, and
/// Microsoft.Data.Sqlite waits for a busy lock by sleeping on a thread-pool thread (38 % of thread time in the
/// turns benchmark, p99 over 700 ms).
/// </para>
/// </summary>
internal sealed class SeenActivities(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string TableName = "SeenActivities";

    /// <summary>How long an id is remembered: Teams redelivers within seconds to minutes.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Three parameters a row: well under SQLite's oldest limit of 999 per statement.</summary>
    internal const int MaxBatch = 300;

    private readonly Lock _gate = new();
    private List<PendingMark> _pending = [];
    private bool _flushing;

    /// <summary>True the first time this activity is seen (within <see cref="Window"/>); false for a redelivery.</summary>
    /// <remarks>
    /// Not cancellable once queued: a mark that is stored must be followed by its turn, or the channel's redelivery
    /// would be dropped as a duplicate of a turn that never ran.
    /// </remarks>
    public Task<bool> TryMarkAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Id is not { Length: > 0 } activityId) return Task.FromResult(true); // nothing to recognise it by
        var mark = new PendingMark(activity.Conversation!.Id!, activityId);
        bool lead;
        lock (_gate)
        {
            _pending.Add(mark);
            lead = !_flushing;
            _flushing = true;
        }

        if (lead) _ = Task.Run(FlushAsync, CancellationToken.None);
        return mark.Result.Task;
    }

    /// <summary>Unmarks an activity whose processing failed, so the channel's redelivery is processed.</summary>
    public async Task ForgetAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Id is not { Length: > 0 } activityId) return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<SeenActivityRecord>()
            .Where(s => s.ConversationId == activity.Conversation!.Id && s.ActivityId == activityId)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes ids older than <see cref="Window"/>; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Window;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<SeenActivityRecord>()
            .Where(s => s.SeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Writes what is queued, batch after batch, until nothing is left; one flusher at a time.</summary>
    private async Task FlushAsync()
    {
        while (true)
        {
            List<PendingMark> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                if (_pending.Count <= MaxBatch)
                {
                    batch = _pending;
                    _pending = [];
                }
                else
                {
                    batch = _pending.GetRange(0, MaxBatch);
                    _pending.RemoveRange(0, MaxBatch);
                }
            }

            try
            {
                var inserted = await InsertAsync(batch);
                foreach (var mark in batch) mark.Result.TrySetResult(inserted.Remove((mark.ConversationId, mark.ActivityId)));
            }
            catch (Exception ex)
            {
                // Not swallowed but handed on: every turn of the batch fails as its own insert would have (the endpoint
                // answers 500, the channel redelivers). Letting any exception escape here would leave the turns waiting forever.
                foreach (var mark in batch) mark.Result.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// One statement for the batch; returns the keys whose rows it inserted. A key twice in one batch is inserted once,
    /// and <see cref="HashSet{T}.Remove"/> hands that to the first of them only.
    /// </summary>
    private async Task<HashSet<(string, string)>> InsertAsync(List<PendingMark> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var seenAt = SeenAtValue(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            var sql = new System.Text.StringBuilder("INSERT INTO \"" + TableName + "\" (\"ConversationId\", \"ActivityId\", \"SeenAt\") VALUES ", 64 + (batch.Count * 24));
            command.Parameters.Add(Parameter(command, "@t", seenAt));
            for (var i = 0; i < batch.Count; i++)
            {
                if (i > 0) sql.Append(", ");
                sql.Append("(@c").Append(i).Append(", @a").Append(i).Append(", @t)");
                command.Parameters.Add(Parameter(command, "@c" + i, batch[i].ConversationId));
                command.Parameters.Add(Parameter(command, "@a" + i, batch[i].ActivityId));
            }

            // Both SQLite (3.35+) and PostgreSQL read this the same way; rows skipped by the conflict are not returned.
            sql.Append(" ON CONFLICT DO NOTHING RETURNING \"ConversationId\", \"ActivityId\"");
            command.CommandText = sql.ToString();
            var inserted = new HashSet<(string, string)>(batch.Count);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) inserted.Add((reader.GetString(0), reader.GetString(1)));
            return inserted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    /// <summary>The timestamp as the provider stores it (raw SQL bypasses EF's value converters, e.g. SQLite's ticks).</summary>
    private object SeenAtValue(BotDbContext db)
    {
        var now = time.GetUtcNow();
        var converter = db.Model.FindEntityType(typeof(SeenActivityRecord))!.FindProperty(nameof(SeenActivityRecord.SeenAt))!.GetTypeMapping().Converter;
        return converter?.ConvertToProvider(now) ?? now;
    }

    private sealed class PendingMark(string conversationId, string activityId)
    {
        public string ConversationId { get; } = conversationId;

        public string ActivityId { get; } = activityId;

        public TaskCompletionSource<bool> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
