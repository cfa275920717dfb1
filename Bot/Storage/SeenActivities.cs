using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.Storage;

/// <summary>
/// Marks inbound activities as taken on, so a redelivered one (same conversation, same activity id) is acknowledged
/// and not answered twice, also when another instance took the first delivery (PostgreSQL). One
/// <c>INSERT … ON CONFLICT DO NOTHING</c> per turn: the insert that changes a row wins; no read before it.
/// </summary>
internal sealed class SeenActivities(BotDbContext db, TimeProvider time)
{
    public const string TableName = "SeenActivities";

    /// <summary>How long an id is remembered: Teams redelivers within seconds to minutes.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    // Both SQLite (3.24+) and PostgreSQL read this statement the same way.
    private const string InsertSql =
        "INSERT INTO \"" + TableName + "\" (\"ConversationId\", \"ActivityId\", \"SeenAt\") VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING";

    /// <summary>True the first time this activity is seen (within <see cref="Window"/>); false for a redelivery.</summary>
    public async Task<bool> TryMarkAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Id is not { Length: > 0 } activityId) return true; // nothing to recognise it by
        var inserted = await db.Database.ExecuteSqlRawAsync(InsertSql, [activity.Conversation!.Id!, activityId, SeenAtValue()], cancellationToken);
        return inserted == 1;
    }

    /// <summary>Unmarks an activity whose processing failed, so the channel's redelivery is processed.</summary>
    public Task ForgetAsync(Activity activity, CancellationToken cancellationToken) =>
        activity.Id is not { Length: > 0 } activityId
            ? Task.CompletedTask
            : db.Set<SeenActivityRecord>()
                .Where(s => s.ConversationId == activity.Conversation!.Id && s.ActivityId == activityId)
                .ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes ids older than <see cref="Window"/>; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Window;
        return db.Set<SeenActivityRecord>().Where(s => s.SeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The timestamp as the provider stores it (raw SQL bypasses EF's value converters, e.g. SQLite's ticks).</summary>
    private object SeenAtValue()
    {
        var now = time.GetUtcNow();
        var converter = db.Model.FindEntityType(typeof(SeenActivityRecord))!.FindProperty(nameof(SeenActivityRecord.SeenAt))!.GetTypeMapping().Converter;
        return converter?.ConvertToProvider(now) ?? now;
    }
}
