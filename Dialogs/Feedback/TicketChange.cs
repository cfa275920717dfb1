namespace OrganBot.Dialogs.Feedback;

/// <summary>An admin action applied to a ticket; <see cref="ExpectedVersion"/> guards against stale cards.</summary>
public sealed record TicketChange(long TicketId, int ExpectedVersion, string AdminName, string? AdminAadObjectId)
{
    public FeedbackStatus? NewStatus { get; init; }
    public HandlingUnit? NewUnit { get; init; }
    public string? ReplyText { get; init; }
}
