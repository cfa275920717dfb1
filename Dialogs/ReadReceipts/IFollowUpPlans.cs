namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>Automatic follow-ups chosen at compose time ("if unread after 24 h, remind once"); port, EF in Bot.</summary>
public interface IFollowUpPlans
{
    /// <summary>Plans (or, with null, drops) the follow-up of an announcement <paramref name="after"/> its send.</summary>
    Task SetAsync(long announcementId, TimeSpan? after, CancellationToken cancellationToken);

    Task<TimeSpan?> FindAsync(long announcementId, CancellationToken cancellationToken);

    /// <summary>Plans not fired yet.</summary>
    Task<IReadOnlyList<FollowUpPlan>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="fire"/> for the plan if nobody has yet, in one transaction with marking it fired: on several
    /// instances exactly one runs it, and a crash before the commit leaves it open for the next try.
    /// </summary>
    Task<bool> TryFireAsync(long announcementId, Func<CancellationToken, Task> fire, CancellationToken cancellationToken);
}

public sealed record FollowUpPlan(long AnnouncementId, TimeSpan After);
