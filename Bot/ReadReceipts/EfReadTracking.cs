using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.ReadReceipts;

namespace OrganBot.Bot.ReadReceipts;

/// <summary><see cref="IReadTracking"/> on the outbox table (one query each, by the batch index).</summary>
internal sealed class EfReadTracking(BotDbContext db) : IReadTracking
{
    private IQueryable<DeliveryRecord> SentOf(string batchId) =>
        db.Set<DeliveryRecord>().AsNoTracking().Where(r => r.BatchId == batchId && r.State == DeliveryState.Sent);

    public async Task<ReadCounts> CountAsync(string batchId, CancellationToken cancellationToken)
    {
        var groups = await SentOf(batchId).GroupBy(r => r.TargetKind)
            .Select(g => new { Kind = g.Key, Count = g.Count(), Read = g.Count(r => r.ReadAt != null) })
            .ToListAsync(cancellationToken);
        var users = groups.FirstOrDefault(g => g.Kind == DeliveryStore.UserTarget);
        var channels = groups.FirstOrDefault(g => g.Kind == DeliveryStore.ConversationTarget);
        return new ReadCounts(users?.Count ?? 0, users?.Read ?? 0, channels?.Count ?? 0);
    }

    public async Task<IReadOnlyList<DeliveredMessage>> ListUnreadAsync(string batchId, CancellationToken cancellationToken) =>
        await SentOf(batchId)
            .Where(r => r.TargetKind == DeliveryStore.UserTarget && r.ReadAt == null && r.ConversationId != null && r.ActivityId != null)
            .OrderBy(r => r.Id)
            .Select(r => new DeliveredMessage(r.TargetId, r.ConversationId!, r.ActivityId!))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ChannelPost>> ListChannelPostsAsync(string batchId, CancellationToken cancellationToken) =>
        await (from r in SentOf(batchId)
               where r.TargetKind == DeliveryStore.ConversationTarget && r.ConversationId != null && r.ActivityId != null
               join c in db.Conversations.AsNoTracking() on r.ConversationId equals c.Id into cs
               from c in cs.DefaultIfEmpty()
               orderby r.Id
               select new ChannelPost(r.ConversationId!, r.ActivityId!, c == null ? null : c.TeamId, c == null ? null : c.TeamName))
            .ToListAsync(cancellationToken);
}
