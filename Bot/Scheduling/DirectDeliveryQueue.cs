using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.Scheduling;

/// <summary>
/// STOPGAP until the shared delivery pipeline (feature/announcements) is merged: a minimal <see cref="IDeliveryQueue"/>
/// that sends inline. It writes a row under the unique DedupKey BEFORE sending, so a second instance or a retry of the
/// same key never sends again (at most once). No retries: a failure is recorded (403/404 shown in 出勤统计).
/// Registered with TryAdd, so the real pipeline replaces it as soon as its registration is present.
/// </summary>
internal sealed partial class DirectDeliveryQueue(BotDbContext db, IProactiveMessenger messenger, TimeProvider time, ILogger<DirectDeliveryQueue> logger) : IDeliveryQueue
{
    public async Task<int> EnqueueAsync(IReadOnlyList<DeliveryRequest> requests, CancellationToken cancellationToken)
    {
        var keys = requests.Select(r => r.DedupKey).ToList();
        var existing = (await db.Set<DirectDeliveryRecord>().AsNoTracking().Where(d => keys.Contains(d.DedupKey)).Select(d => d.DedupKey).ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        foreach (var request in requests)
        {
            if (!existing.Add(request.DedupKey)) continue;
            var now = time.GetUtcNow();
            var record = new DirectDeliveryRecord
            {
                DedupKey = request.DedupKey,
                BatchId = request.BatchId,
                Category = request.Category,
                TargetKind = request.Target is DeliveryTarget.User ? "user" : "conversation",
                TargetId = request.Target switch { DeliveryTarget.User u => u.UserId, DeliveryTarget.Conversation c => c.ConversationId, _ => "" },
                State = DeliveryState.Sending.ToString(),
                Attempts = 1,
                CreatedAt = now,
                NotAfter = request.NotAfter?.ToUniversalTime(),
            };
            db.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.Entry(record).State = EntityState.Detached;
                continue; // another instance claimed this key first
            }

            added++;
            if (request.NotAfter is { } notAfter && now >= notAfter)
            {
                record.State = DeliveryState.Expired.ToString();
            }
            else
            {
                try
                {
                    if (request.Target is DeliveryTarget.User user)
                    {
                        var sent = await messenger.SendToUserAsync(user.UserId, request.Message, cancellationToken);
                        record.ConversationId = sent.ConversationId;
                        record.ActivityId = sent.ActivityId;
                    }
                    else
                    {
                        record.ConversationId = record.TargetId;
                        record.ActivityId = await messenger.SendToConversationAsync(record.TargetId, request.Message, cancellationToken);
                    }

                    record.State = DeliveryState.Sent.ToString();
                    record.SentAt = time.GetUtcNow();
                }
                catch (DeliveryException ex)
                {
                    record.State = DeliveryState.Failed.ToString();
                    record.Error = ex.StatusCode switch
                    {
                        403 => "403 机器人已被移除或被屏蔽",
                        404 => "404 会话不存在（可能已卸载）",
                        0 => "网络错误",
                        _ => ex.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    };
                    LogFailed(logger, request.DedupKey, ex.StatusCode);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return added;
    }

    public async Task<IReadOnlyList<DeliveryStatus>> GetBatchAsync(string batchId, CancellationToken cancellationToken) =>
        [.. (await db.Set<DirectDeliveryRecord>().AsNoTracking().Where(d => d.BatchId == batchId).ToListAsync(cancellationToken))
            .Select(d => new DeliveryStatus(
                d.DedupKey,
                d.TargetKind == "user" ? new DeliveryTarget.User(d.TargetId) : new DeliveryTarget.Conversation(d.TargetId),
                Enum.TryParse<DeliveryState>(d.State, out var state) ? state : DeliveryState.Pending,
                d.Attempts, d.ConversationId, d.ActivityId, d.Error, d.SentAt))];

    [LoggerMessage(EventId = 4501, Level = LogLevel.Warning, Message = "Delivery {DedupKey} failed with status {StatusCode}")]
    private static partial void LogFailed(ILogger logger, string dedupKey, int statusCode);
}

/// <summary>A row of the stopgap <see cref="DirectDeliveryQueue"/>; the primary key is the dedup key.</summary>
public sealed class DirectDeliveryRecord
{
    public required string DedupKey { get; set; }
    public required string BatchId { get; set; }
    public required string Category { get; set; }
    public required string TargetKind { get; set; }
    public required string TargetId { get; set; }
    public required string State { get; set; }
    public int Attempts { get; set; }
    public string? ConversationId { get; set; }
    public string? ActivityId { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? NotAfter { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

internal sealed class DirectDeliveryRecordConfiguration : IEntityTypeConfiguration<DirectDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<DirectDeliveryRecord> builder)
    {
        builder.ToTable("ReminderDeliveries");
        builder.HasKey(d => d.DedupKey);
        builder.Property(d => d.DedupKey).HasMaxLength(400);
        builder.Property(d => d.BatchId).HasMaxLength(128);
        builder.Property(d => d.Category).HasMaxLength(32);
        builder.Property(d => d.TargetKind).HasMaxLength(16);
        builder.Property(d => d.TargetId).HasMaxLength(512);
        builder.Property(d => d.State).HasMaxLength(16);
        builder.Property(d => d.Error).HasMaxLength(200);
        builder.HasIndex(d => d.BatchId);
    }
}
