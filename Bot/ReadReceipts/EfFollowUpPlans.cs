using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.ReadReceipts;

namespace OrganBot.Bot.ReadReceipts;

internal sealed class EfFollowUpPlans(BotDbContext db, TimeProvider time) : IFollowUpPlans
{
    private DbSet<FollowUpPlanRecord> Plans => db.Set<FollowUpPlanRecord>();

    public async Task SetAsync(long announcementId, TimeSpan? after, CancellationToken cancellationToken)
    {
        var plan = await Plans.FirstOrDefaultAsync(p => p.AnnouncementId == announcementId, cancellationToken);
        if (plan?.FiredAt is not null) return;
        if (after is null)
        {
            if (plan is not null) Plans.Remove(plan);
        }
        else if (plan is null)
        {
            Plans.Add(new FollowUpPlanRecord { AnnouncementId = announcementId, After = after.Value, CreatedAt = time.GetUtcNow() });
        }
        else
        {
            plan.After = after.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<TimeSpan?> FindAsync(long announcementId, CancellationToken cancellationToken) =>
        await Plans.AsNoTracking().Where(p => p.AnnouncementId == announcementId).Select(p => (TimeSpan?)p.After).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<FollowUpPlan>> ListOpenAsync(CancellationToken cancellationToken) =>
        await Plans.AsNoTracking().Where(p => p.FiredAt == null).OrderBy(p => p.AnnouncementId)
            .Select(p => new FollowUpPlan(p.AnnouncementId, p.After)).ToListAsync(cancellationToken);

    public async Task<bool> TryFireAsync(long announcementId, Func<CancellationToken, Task> fire, CancellationToken cancellationToken)
    {
        // The claim and everything fire() writes through this scope's context commit together: another instance waits
        // on the row and then finds it fired; a crash before the commit leaves the plan open and queues nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var claimed = await Plans.Where(p => p.AnnouncementId == announcementId && p.FiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.FiredAt, now), cancellationToken);
        if (claimed == 0) return false;
        await fire(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
