using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// The outbox table's operations. Enqueue is one <c>INSERT … ON CONFLICT (DedupKey) DO NOTHING</c> per chunk, so a key
/// is stored once however many instances enqueue it at the same time. Claiming is a single atomic UPDATE:
/// with <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, so several instances take disjoint rows without waiting.
/// </summary>
internal sealed class DeliveryStore(BotDbContext db, TimeProvider time)
{
    public const string UserTarget = "user";
    public const string ConversationTarget = "conversation";

    private const int InsertChunk = 200;

    internal static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    private bool IsPostgres => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    private DbSet<DeliveryRecord> Rows => db.Set<DeliveryRecord>();

    public async Task<int> EnqueueAsync(IReadOnlyList<DeliveryRequest> requests, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entity = db.Model.FindEntityType(typeof(DeliveryRecord))!;
        string[] properties =
        [
            nameof(DeliveryRecord.DedupKey), nameof(DeliveryRecord.BatchId), nameof(DeliveryRecord.Category),
            nameof(DeliveryRecord.TargetKind), nameof(DeliveryRecord.TargetId), nameof(DeliveryRecord.Operation),
            nameof(DeliveryRecord.TargetActivityId), nameof(DeliveryRecord.MessageJson), nameof(DeliveryRecord.State),
            nameof(DeliveryRecord.Attempts), nameof(DeliveryRecord.NextAttemptAt), nameof(DeliveryRecord.NotAfter),
            nameof(DeliveryRecord.CreatedAt),
        ];
        var mapped = properties.Select(p => entity.FindProperty(p)!).ToArray();
        var table = Quote(entity.GetTableName()!);
        var columns = string.Join(", ", mapped.Select(p => Quote(p.GetColumnName())));
        var keyColumn = Quote(entity.FindProperty(nameof(DeliveryRecord.DedupKey))!.GetColumnName());

        // One transaction for all chunks (unless the caller has one): one commit instead of one per chunk, and an
        // announcement's rows appear to workers all at once.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var inserted = 0;
        foreach (var chunk in requests.DistinctBy(r => r.DedupKey).Chunk(InsertChunk))
        {
            var sql = new StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
            var parameters = new List<object>(chunk.Length * mapped.Length);
            using var factory = db.Database.GetDbConnection().CreateCommand();
            for (var i = 0; i < chunk.Length; i++)
            {
                var row = ToRecord(chunk[i], now);
                sql.Append(i == 0 ? "(" : ", (");
                for (var p = 0; p < mapped.Length; p++)
                {
                    if (p > 0) sql.Append(", ");
                    var parameter = factory.CreateParameter();
                    parameter.ParameterName = "@p" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    parameter.Value = ToProvider(mapped[p], mapped[p].PropertyInfo!.GetValue(row));
                    sql.Append(parameter.ParameterName);
                    parameters.Add(parameter);
                }

                sql.Append(')');
            }

            sql.Append($" ON CONFLICT ({keyColumn}) DO NOTHING");
            inserted += await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }

        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public async Task<IReadOnlyList<DeliveryRecord>> GetBatchAsync(string batchId, CancellationToken cancellationToken) =>
        await Rows.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>Claims up to <paramref name="count"/> due rows (pending and due, or sending with an expired lease) for this worker.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> ClaimAsync(int count, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = Guid.NewGuid();
        var leaseUntil = now + lease;
        if (IsPostgres)
        {
            return await Rows.FromSqlInterpolated($"""
                UPDATE "Deliveries" SET "State" = 'Sending', "ClaimToken" = {token}, "LeaseUntil" = {leaseUntil}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM "Deliveries"
                    WHERE ("State" = 'Pending' AND "NextAttemptAt" <= {now}) OR ("State" = 'Sending' AND "LeaseUntil" < {now})
                    ORDER BY "NextAttemptAt", "Id"
                    LIMIT {count}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
        }

        // SQLite has one writer at a time; the re-checked condition in the UPDATE keeps a claim atomic even so.
        var ids = await Rows.Where(r => (r.State == DeliveryState.Pending && r.NextAttemptAt <= now) || (r.State == DeliveryState.Sending && r.LeaseUntil < now))
            .OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Select(r => r.Id).Take(count).ToListAsync(cancellationToken);
        if (ids.Count == 0) return [];
        await Rows.Where(r => ids.Contains(r.Id) && ((r.State == DeliveryState.Pending && r.NextAttemptAt <= now) || (r.State == DeliveryState.Sending && r.LeaseUntil < now)))
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, DeliveryState.Sending).SetProperty(r => r.ClaimToken, token)
                    .SetProperty(r => r.LeaseUntil, leaseUntil).SetProperty(r => r.Attempts, r => r.Attempts + 1),
                cancellationToken);
        return await Rows.AsNoTracking().Where(r => ids.Contains(r.Id) && r.ClaimToken == token).ToListAsync(cancellationToken);
    }

    /// <summary>The connector answered 2xx: the row is sent, whoever holds its lease now.</summary>
    public Task MarkSentAsync(long id, string conversationId, string? activityId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Rows.Where(r => r.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.State, DeliveryState.Sent).SetProperty(r => r.ConversationId, conversationId)
                .SetProperty(r => r.ActivityId, activityId).SetProperty(r => r.SentAt, now).SetProperty(r => r.CompletedAt, now)
                .SetProperty(r => r.Error, (string?)null).SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    /// <summary>Failed or Expired, final. Only while this worker still holds the claim.</summary>
    public Task<int> MarkFinalAsync(long id, Guid claim, DeliveryState state, string error, string? conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Rows.Where(r => r.Id == id && r.ClaimToken == claim).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.State, state).SetProperty(r => r.Error, Truncate(error)).SetProperty(r => r.CompletedAt, now)
                .SetProperty(r => r.ConversationId, conversationId)
                .SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    /// <summary>Back to Pending, due at <paramref name="nextAttemptAt"/>. <paramref name="countAttempt"/> false gives the attempt back (never sent).</summary>
    public Task<int> RescheduleAsync(long id, Guid claim, DateTimeOffset nextAttemptAt, string? error, bool countAttempt, CancellationToken cancellationToken) =>
        Rows.Where(r => r.Id == id && r.ClaimToken == claim).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.State, DeliveryState.Pending).SetProperty(r => r.NextAttemptAt, nextAttemptAt)
                .SetProperty(r => r.Error, Truncate(error)).SetProperty(r => r.Attempts, r => countAttempt ? r.Attempts : r.Attempts - 1)
                .SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);

    public static DeliveryStatus ToStatus(DeliveryRecord row) => new(
        row.DedupKey,
        row.TargetKind == UserTarget ? new DeliveryTarget.User(row.TargetId) : new DeliveryTarget.Conversation(row.TargetId),
        row.State,
        row.Attempts,
        row.ConversationId,
        row.ActivityId,
        row.Error,
        row.SentAt);

    public static OutgoingMessage ReadMessage(DeliveryRecord row) =>
        JsonSerializer.Deserialize<OutgoingMessage>(row.MessageJson, MessageJson) ?? new OutgoingMessage();

    private static DeliveryRecord ToRecord(DeliveryRequest request, DateTimeOffset now) => new()
    {
        DedupKey = request.DedupKey,
        BatchId = request.BatchId,
        Category = request.Category,
        TargetKind = request.Target is DeliveryTarget.User ? UserTarget : ConversationTarget,
        TargetId = request.Target switch
        {
            DeliveryTarget.User user => user.UserId,
            DeliveryTarget.Conversation conversation => conversation.ConversationId,
            _ => throw new ArgumentException("Unknown delivery target.", nameof(request)),
        },
        Operation = request.Operation,
        TargetActivityId = request.ActivityId,
        MessageJson = JsonSerializer.Serialize(request.Message, MessageJson),
        State = DeliveryState.Pending,
        NextAttemptAt = now,
        NotAfter = request.NotAfter?.ToUniversalTime(),
        CreatedAt = now,
    };

    private static object ToProvider(IProperty property, object? value)
    {
        if (value is null) return DBNull.Value;
        var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value) ?? DBNull.Value;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string? Truncate(string? error) => error is { Length: > 1000 } ? error[..1000] : error;
}
