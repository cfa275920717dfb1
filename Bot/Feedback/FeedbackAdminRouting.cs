using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Feedback;

namespace OrganBot.Bot.Feedback;

/// <summary>Where ticket cards go and where they were posted: the admin channel setting, admins' 1:1 chats, card locations.</summary>
internal sealed class FeedbackAdminRouting(BotDbContext db, TimeProvider time)
{
    internal const string AdminChannelKey = "admin-channel";

    public async Task AddAdminCardAsync(long ticketId, AdminCardLocation location, CancellationToken cancellationToken)
    {
        db.Set<FeedbackAdminCardRecord>().Add(new FeedbackAdminCardRecord
        {
            TicketId = ticketId,
            ConversationId = location.ConversationId,
            ActivityId = location.ActivityId,
            Language = location.Language,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<AdminCardLocation>> GetAdminCardsAsync(long ticketId, CancellationToken cancellationToken) =>
        await db.Set<FeedbackAdminCardRecord>().AsNoTracking().Where(c => c.TicketId == ticketId).OrderBy(c => c.Id)
            .Select(c => new AdminCardLocation(c.ConversationId, c.ActivityId, c.Language ?? "zh-CN")).ToListAsync(cancellationToken);

    public async Task<string?> GetAdminChannelAsync(CancellationToken cancellationToken) =>
        await db.Set<FeedbackSettingRecord>().AsNoTracking().Where(s => s.Key == AdminChannelKey).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);

    public async Task SetAdminChannelAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updated = await db.Set<FeedbackSettingRecord>().Where(s => s.Key == AdminChannelKey)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, conversationId).SetProperty(r => r.UpdatedAt, now), cancellationToken);
        if (updated == 0)
        {
            db.Set<FeedbackSettingRecord>().Add(new FeedbackSettingRecord { Key = AdminChannelKey, Value = conversationId, UpdatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    public async Task<IReadOnlyList<AdminTarget>> GetAdminTargetsAsync(IReadOnlyList<string> adminAadObjectIds, CancellationToken cancellationToken)
    {
        if (await GetAdminChannelAsync(cancellationToken) is { } channel)
        {
            var locale = await db.Conversations.AsNoTracking().Where(c => c.Id == channel).Select(c => c.Locale).FirstOrDefaultAsync(cancellationToken);
            return [new AdminTarget(channel, null, locale ?? "zh-CN")];
        }

        var ids = adminAadObjectIds.Select(a => a.ToLowerInvariant()).ToList();
        var members = await db.Members.AsNoTracking()
            .Where(m => m.AadObjectId != null && ids.Contains(m.AadObjectId.ToLower()))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        // An admin gets new tickets in the language of every proactive message.
        return [.. members.Select(m => new AdminTarget(null, m.Id, m.ProactiveLocale ?? "zh-CN"))];
    }
}
