namespace OrganBot.Bot.Feedback;

/// <summary>
/// A 暖心工程 ticket. The member appears only as <see cref="OwnerHash"/> (per-ticket keyed HMAC, for 我的反馈) and
/// <see cref="ReplyAddress"/> (Data Protection ciphertext, for notifications). Name and aadObjectId are stored only
/// for tickets that are not anonymous.
/// </summary>
public sealed class FeedbackTicketRecord
{
    public long Id { get; set; }
    public required string Number { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string Category { get; set; }
    public required string Content { get; set; }
    public bool IsAnonymous { get; set; }
    public string? MemberName { get; set; }
    public string? MemberAadObjectId { get; set; }
    /// <summary>HMAC(owner key, ticket number + user id): different on each ticket, so it links no two tickets.</summary>
    public required string OwnerHash { get; set; }
    public required string ReplyAddress { get; set; }
    public required string Contact { get; set; }
    public string? ContactDetail { get; set; }
    public required string Status { get; set; }
    public string? Unit { get; set; }
    public string Language { get; set; } = "zh";
    public string? Rating { get; set; }
    public string? RatingComment { get; set; }
    public DateTimeOffset? RatedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Optimistic concurrency token; admin cards carry it.</summary>
    public int Version { get; set; }
}

/// <summary>Who did what to a ticket, and when. Member actions are recorded without naming the member.</summary>
public sealed class FeedbackHistoryRecord
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public string? ActorAadObjectId { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
}

public sealed class FeedbackReplyRecord
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string AdminName { get; set; }
    public string? AdminAadObjectId { get; set; }
    public required string Text { get; set; }
}

/// <summary>Where an admin card of a ticket was posted, so every copy can be updated in place.</summary>
public sealed class FeedbackAdminCardRecord
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public required string ConversationId { get; set; }
    public required string ActivityId { get; set; }
    public string? Language { get; set; }
}

/// <summary>Last ticket sequence used per year; incremented inside the ticket's transaction.</summary>
public sealed class FeedbackCounterRecord
{
    public int Year { get; set; }
    public int Last { get; set; }
}

/// <summary>Key/value settings of the feature (admin channel, protected owner-hash key).</summary>
public sealed class FeedbackSettingRecord
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Dialog engine state: one row per user, conversation and dialog.</summary>
public sealed class DialogStateRecord
{
    public required string UserId { get; set; }
    public required string ConversationId { get; set; }
    public required string DialogName { get; set; }
    public required string Step { get; set; }
    public required string ValuesJson { get; set; }
    public required string CardInstanceId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
