using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.Storage;

/// <summary>
/// Marks inbound activities as taken on, so a redelivered one (same conversation, same activity id) is acknowledged
/// and not answered twice, also when another instance took the first delivery (PostgreSQL), or the previous process
/// (a restart).
/// <para>
/// On PostgreSQL the database decides: <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c>, and only the delivery whose
/// row was inserted goes on. On a SQLite file the bot is the only process taking activities, so memory decides
/// (<see cref="LocalMarks"/>, loaded with the last hour's marks at start-up) and the rows are written behind, every
/// <see cref="SaveInterval"/> and at shutdown, for the next process. A turn then waits for no write at all: the
/// per-turn insert and its commit were a fifth of a Q&amp;A turn's CPU and most of its p99 in the turns benchmark.
/// When memory cannot tell (see <see cref="LocalMarks"/>), the database decides as on PostgreSQL.
/// </para>
/// <para>
/// Marks are group-committed: turns arriving while an insert runs wait for the next one, which carries all of them
/// in one statement. One insert per turn made concurrent turns fight over SQLite's write lock, and
/// Microsoft.Data.Sqlite waits for a busy lock by sleeping on a thread-pool thread (38 % of thread time in the
/// turns benchmark, p99 over 700 ms).
/// </para>
/// </summary>
internal sealed partial class SeenActivities(IServiceScopeFactory scopes, TimeProvider time, ILogger<SeenActivities> logger) : IHostedService, IAsyncDisposable
{
    public const string TableName = "SeenActivities";

    /// <summary>How long an id is remembered: Teams redelivers within seconds to minutes.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Three parameters a row: well under SQLite's oldest limit of 999 per statement.</summary>
    internal const int MaxBatch = 300;

    /// <summary>How long a mark may wait in memory before it is written (SQLite).</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private List<PendingMark> _pending = [];
    private bool _flushing;

    // SQLite file only: memory decides, and one background loop writes the marks through a connection of its own.
    private LocalMarks? _local;
    private SqliteConnection? _writer;
    private Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _seenAtConverter;
    private readonly CancellationTokenSource _stopping = new();
    private Task _saving = Task.CompletedTask;
    // The loop, the final write at stop and the disposal take turns on the writer; once closed, writes are skipped.
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private bool _writerClosed;

    /// <summary>True the first time this activity is seen (within <see cref="Window"/>); false for a redelivery.</summary>
    /// <remarks>
    /// Not cancellable once queued: a mark that is stored must be followed by its turn, or the channel's redelivery
    /// would be dropped as a duplicate of a turn that never ran.
    /// </remarks>
    public Task<bool> TryMarkAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Id is not { Length: > 0 } activityId) return Task.FromResult(true); // nothing to recognise it by
        if (_local?.TryMark(activity.Conversation!.Id!, activityId, activity.Timestamp, time.GetUtcNow()) is { } known) return known ? s_new : s_redelivered;
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
        _local?.Forget(activity.Conversation!.Id!, activityId);
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
                var now = time.GetUtcNow();
                foreach (var mark in batch)
                {
                    _local?.Remember(mark.ConversationId, mark.ActivityId, now);
                    mark.Result.TrySetResult(inserted.Remove((mark.ConversationId, mark.ActivityId)));
                }
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
        _seenAtConverter ??= SeenAtConverter(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = InsertCommand(connection, batch.ConvertAll(m => (m.ConversationId, m.ActivityId)), returning: true);
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

    private static readonly Task<bool> s_new = Task.FromResult(true);
    private static readonly Task<bool> s_redelivered = Task.FromResult(false);

    /// <summary>On a SQLite file: loads the last hour's marks into memory and starts writing new ones behind.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        if (!db.Database.IsSqlite()) return;
        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        // A new connection to an in-memory database would be another database: the database decides there.
        if (connection.Mode == SqliteOpenMode.Memory || connection.DataSource is "" or ":memory:") return;

        _seenAtConverter = SeenAtConverter(db);
        // Not pooled: its pragma is its own. synchronous=NORMAL is SQLite's advice for WAL: a commit survives a crash
        // of the bot, only a power cut may undo the last ones (and with them the turns they marked).
        connection.Pooling = false;
        _writer = new SqliteConnection(connection.ToString());
        await _writer.OpenAsync(cancellationToken);
        SqliteBusyTimeout.Apply(_writer);
        await using (var pragma = _writer.CreateCommand())
        {
            // It writes and never reads back, so a small page cache does. Its multi-row inserts inside a transaction
            // keep a statement journal: in memory, not a temp file (~1,700 fewer pwrite calls a second in the turns bench).
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-512; PRAGMA temp_store=MEMORY;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        _local = await LoadAsync(_writer, cancellationToken);
        _saving = SaveLoopAsync(_stopping.Token);
    }

    /// <summary>Writes what memory still holds unsaved before the process ends.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _saving;
        if (_local is not null) await SaveAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // The token source is not disposed: the host may still call StopAsync after a failed start.
        await _stopping.CancelAsync();
        await _saving;
        await _writerGate.WaitAsync();
        try
        {
            _writerClosed = true;
            if (_writer is not null) await _writer.DisposeAsync();
        }
        finally
        {
            _writerGate.Release();
        }
    }

    /// <summary>The last <see cref="Window"/>'s marks, newest first, as many as memory holds.</summary>
    private async Task<LocalMarks> LoadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var local = new LocalMarks();
        var limit = 2 * LocalMarks.GenerationSize;
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"ConversationId\", \"ActivityId\", \"SeenAt\" FROM \"{TableName}\" WHERE \"SeenAt\" >= @cutoff ORDER BY \"SeenAt\" DESC LIMIT {limit + 1}";
        command.Parameters.AddWithValue("@cutoff", _seenAtConverter!.ConvertToProvider(time.GetUtcNow() - Window));
        var rows = new List<(string, string, DateTimeOffset)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), (DateTimeOffset)_seenAtConverter.ConvertFromProvider(reader.GetValue(2))!));
            }
        }

        // Oldest first, so the generations age as they did; beyond the limit, memory counts as having forgotten.
        if (rows.Count > limit)
        {
            local.ForgetUpTo(rows[^1].Item3);
            rows.RemoveAt(rows.Count - 1);
        }

        for (var i = rows.Count - 1; i >= 0; i--) local.Remember(rows[i].Item1, rows[i].Item2, rows[i].Item3);
        LogLoaded(logger, rows.Count);
        return local;
    }

    private async Task SaveLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SaveInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await SaveAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One transaction for what is unsaved; on failure the marks go back for the next round (memory still holds them).</summary>
    private async Task SaveAsync()
    {
        await _writerGate.WaitAsync();
        try
        {
            if (_writerClosed || _local is not { } local || _writer is not { } connection) return;
            var marks = local.TakeUnsaved();
            if (marks.Count == 0) return;
            try
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                for (var start = 0; start < marks.Count; start += MaxBatch)
                {
                    var rows = marks.GetRange(start, Math.Min(MaxBatch, marks.Count - start)).ConvertAll(m => (m.ConversationId, m.ActivityId));
                    await using var command = InsertCommand(connection, rows, returning: false);
                    command.Transaction = transaction;
                    await command.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                local.ReturnUnsaved(marks);
                LogSaveFailed(logger, marks.Count, ex);
            }
        }
        finally
        {
            _writerGate.Release();
        }
    }

    /// <summary>
    /// One <c>INSERT … ON CONFLICT DO NOTHING</c> for up to <see cref="MaxBatch"/> marks, stamped now; with
    /// <paramref name="returning"/> it returns the keys it inserted (SQLite 3.35+ and PostgreSQL read it the same way;
    /// rows skipped by the conflict are not returned).
    /// </summary>
    private DbCommand InsertCommand(DbConnection connection, List<(string ConversationId, string ActivityId)> rows, bool returning)
    {
        var command = connection.CreateCommand();
        var sql = new System.Text.StringBuilder("INSERT INTO \"" + TableName + "\" (\"ConversationId\", \"ActivityId\", \"SeenAt\") VALUES ", 64 + (rows.Count * 24));
        command.Parameters.Add(Parameter(command, "@t", _seenAtConverter!.ConvertToProvider(time.GetUtcNow())!));
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0) sql.Append(", ");
            sql.Append("(@c").Append(i).Append(", @a").Append(i).Append(", @t)");
            command.Parameters.Add(Parameter(command, "@c" + i, rows[i].ConversationId));
            command.Parameters.Add(Parameter(command, "@a" + i, rows[i].ActivityId));
        }

        sql.Append(returning ? " ON CONFLICT DO NOTHING RETURNING \"ConversationId\", \"ActivityId\"" : " ON CONFLICT DO NOTHING");
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>Raw SQL bypasses EF's value converters (SQLite stores the time as ticks); this is the model's.</summary>
    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter SeenAtConverter(BotDbContext db) =>
        db.Model.FindEntityType(typeof(SeenActivityRecord))!.FindProperty(nameof(SeenActivityRecord.SeenAt))!.GetTypeMapping().Converter
        ?? new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(v => v, v => v);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Loaded {Count} replay marks of the last hour")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Could not write {Count} replay marks; they stay in memory and are tried again")]
    private static partial void LogSaveFailed(ILogger logger, int count, Exception exception);

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    private sealed class PendingMark(string conversationId, string activityId)
    {
        public string ConversationId { get; } = conversationId;

        public string ActivityId { get; } = activityId;

        public TaskCompletionSource<bool> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
