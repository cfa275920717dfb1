namespace OrganBot.Bot.ReadReceipts;

/// <summary>An automatic follow-up chosen at compose time: remind the unread <see cref="After"/> the announcement went out, once.</summary>
public sealed class FollowUpPlanRecord
{
    public long AnnouncementId { get; set; }
    public TimeSpan After { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set in the same transaction that queues the follow-up.</summary>
    public DateTimeOffset? FiredAt { get; set; }
}
