namespace OrganBot.Dialogs.Feedback;

/// <summary>What the member submitted. <see cref="MemberUserId"/> goes only into the protected reply address.</summary>
public sealed record NewFeedback(
    FeedbackCategory Category,
    string Content,
    bool IsAnonymous,
    ContactPreference Contact,
    string? ContactDetail,
    string MemberUserId,
    string? MemberName,
    string? MemberAadObjectId,
    string Language);

/// <summary>An admin action applied to a ticket; <see cref="ExpectedVersion"/> guards against stale cards.</summary>
public sealed record TicketChange(long TicketId, int ExpectedVersion, string AdminName, string? AdminAadObjectId)
{
    public FeedbackStatus? NewStatus { get; init; }
    public HandlingUnit? NewUnit { get; init; }
    public string? ReplyText { get; init; }
}

public enum ChangeOutcome { Applied, Stale, NotFound }

/// <summary>Where an admin card was posted, so it can be updated in place.</summary>
public sealed record AdminCardLocation(string ConversationId, string ActivityId, string Language);

/// <summary>Somewhere new ticket cards go: a channel, or an admin's 1:1 chat.</summary>
public sealed record AdminTarget(string? ConversationId, string? UserId, string Language);

public sealed record TicketFilter(FeedbackStatus? Status = null, FeedbackCategory? Category = null, bool OpenOnly = true, int Take = 20);
