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
    public const string ProtectedTarget = "protected";

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
        var fresh = new List<DeliveryRequest>(requests.Count);
        var distinct = requests.DistinctBy(r => r.DedupKey).ToList();

        // Of several updates of one message in this call, the last one counts.
        var lastUpdates = distinct.Where(r => r.Operation == DeliveryOperation.Update)
            .GroupBy(r => (r.Target, r.ActivityId)).Select(g => g.Last()).ToHashSet();
        foreach (var request in distinct)
        {
            if (request.Operation == DeliveryOperation.Update
                && (!lastUpdates.Contains(request) || await MergeIntoPendingUpdateAsync(request, cancellationToken))) continue;
            fresh.Add(request);
        }

        foreach (var chunk in fresh.Chunk(InsertChunk))
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

    /// <summary>
    /// An update of a message whose previous update is still waiting: that row carries the newer content instead, so a
    /// card refreshed every few seconds costs one call per refresh that actually goes out, not one per refresh asked for.
    /// </summary>
    private async Task<bool> MergeIntoPendingUpdateAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        var record = ToRecord(request, time.GetUtcNow());
        return await Rows.Where(r => r.State == DeliveryState.Pending && r.Operation == DeliveryOperation.Update
                && r.TargetActivityId == record.TargetActivityId && r.TargetKind == record.TargetKind && r.TargetId == record.TargetId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.MessageJson, record.MessageJson).SetProperty(r => r.NotAfter, record.NotAfter), cancellationToken) > 0;
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
                    SELECT d."Id" FROM "Deliveries" d
                    WHERE (("State" = 'Pending' AND "NextAttemptAt" <= {now}) OR ("State" = 'Sending' AND "LeaseUntil" < {now}))
                      AND ("Operation" = 'Send' OR NOT EXISTS (
                          SELECT 1 FROM "Deliveries" s
                          WHERE s."State" = 'Sending' AND s."LeaseUntil" >= {now} AND s."Id" <> d."Id"
                            AND s."TargetActivityId" = d."TargetActivityId" AND s."TargetId" = d."TargetId"))
                    ORDER BY d."NextAttemptAt", d."Id"
                    LIMIT {count}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
        }

        // SQLite has one writer at a time; the re-checked condition in the UPDATE keeps a claim atomic even so.
        var ids = await Rows.Where(r => (r.State == DeliveryState.Pending && r.NextAttemptAt <= now) || (r.State == DeliveryState.Sending && r.LeaseUntil < now))
            .Where(r => r.Operation == DeliveryOperation.Send || !Rows.Any(s => s.State == DeliveryState.Sending && s.LeaseUntil >= now && s.Id != r.Id
                && s.TargetActivityId == r.TargetActivityId && s.TargetId == r.TargetId))
            .OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Select(r => r.Id).Take(count).ToListAsync(cancellationToken);
        if (ids.Count == 0) return [];
        await Rows.Where(r => ids.Contains(r.Id) && ((r.State == DeliveryState.Pending && r.NextAttemptAt <= now) || (r.State == DeliveryState.Sending && r.LeaseUntil < now)))
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, DeliveryState.Sending).SetProperty(r => r.ClaimToken, token)
                    .SetProperty(r => r.LeaseUntil, leaseUntil).SetProperty(r => r.Attempts, r => r.Attempts + 1),
                cancellationToken);
        return await Rows.AsNoTracking().Where(r => ids.Contains(r.Id) && r.ClaimToken == token).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The conversation of every claimed row whose target is already known (a conversation, or a member with a 1:1 chat),
    /// read with two queries for the whole claim instead of two per send. Rows missing from the answer are resolved by the
    /// sender one by one (a chat to create, or an unknown target to fail).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, ConversationRecord>> ResolveConversationsAsync(IReadOnlyList<DeliveryRecord> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return new Dictionary<long, ConversationRecord>();
        var userIds = rows.Where(r => r.TargetKind == UserTarget).Select(r => r.TargetId).Distinct(StringComparer.Ordinal).ToList();
        var chats = userIds.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await db.Members.AsNoTracking().Where(m => userIds.Contains(m.Id) && m.PersonalConversationId != null)
                .Select(m => new { m.Id, m.PersonalConversationId })
                .ToDictionaryAsync(m => m.Id, m => m.PersonalConversationId!, StringComparer.Ordinal, cancellationToken);
        var conversationIds = rows.Select(ConversationOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var conversations = conversationIds.Count == 0
            ? new Dictionary<string, ConversationRecord>(StringComparer.Ordinal)
            : await db.Conversations.AsNoTracking().Where(c => conversationIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        string? ConversationOf(DeliveryRecord row) => row.TargetKind switch
        {
            UserTarget => chats.GetValueOrDefault(row.TargetId),
            ConversationTarget => row.TargetId,
            _ => null, // a protected target is resolved by the sender, just before its call
        };

        var resolved = new Dictionary<long, ConversationRecord>();
        foreach (var row in rows)
        {
            if (ConversationOf(row) is { } conversationId && conversations.TryGetValue(conversationId, out var conversation)) resolved[row.Id] = conversation;
        }

        return resolved;
    }

    public static DeliveryStatus ToStatus(DeliveryRecord row) => new(
        row.DedupKey,
        row.TargetKind switch
        {
            UserTarget => new DeliveryTarget.User(row.TargetId),
            ProtectedTarget => new DeliveryTarget.Protected(row.TargetId),
            _ => new DeliveryTarget.Conversation(row.TargetId),
        },
        row.State,
        row.Attempts,
        row.ConversationId,
        row.ActivityId,
        row.Error,
        row.SentAt,
        row.ReadAt);

    public static OutgoingMessage ReadMessage(DeliveryRecord row) =>
        JsonSerializer.Deserialize<OutgoingMessage>(row.MessageJson, MessageJson) ?? new OutgoingMessage();

    private static DeliveryRecord ToRecord(DeliveryRequest request, DateTimeOffset now) => new()
    {
        DedupKey = request.DedupKey,
        BatchId = request.BatchId,
        Category = request.Category,
        TargetKind = request.Target switch
        {
            DeliveryTarget.User => UserTarget,
            DeliveryTarget.Protected => ProtectedTarget,
            _ => ConversationTarget,
        },
        TargetId = request.Target switch
        {
            DeliveryTarget.User user => user.UserId,
            DeliveryTarget.Protected target => target.ProtectedUserId,
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

    internal static string? Truncate(string? error) => error is { Length: > 1000 } ? error[..1000] : error;
}
