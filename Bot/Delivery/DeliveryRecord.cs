using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.Delivery;

/// <summary>One row of the outbox: one message to one recipient, unique by <see cref="DedupKey"/>.</summary>
public sealed class DeliveryRecord
{
    public long Id { get; set; }
    public required string DedupKey { get; set; }
    public required string BatchId { get; set; }
    public required string Category { get; set; }

    /// <summary>
    /// "user" (a member's 1:1 chat, <see cref="TargetId"/> = 29: id), "conversation" (a stored conversation id) or
    /// "protected" (a member's 1:1 chat, <see cref="TargetId"/> = their protected id; such a row never stores the chat).
    /// </summary>
    public required string TargetKind { get; set; }

    public required string TargetId { get; set; }
    public DeliveryOperation Operation { get; set; }

    /// <summary>For Update and Delete: the message to change.</summary>
    public string? TargetActivityId { get; set; }

    /// <summary>The <see cref="Dialogs.Conversation.OutgoingMessage"/> as JSON.</summary>
    public required string MessageJson { get; set; }

    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? NotAfter { get; set; }

    /// <summary>Set when a worker claims the row; the row is that worker's until <see cref="LeaseUntil"/>.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
    public string? ConversationId { get; set; }
    public string? ActivityId { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>
    /// <see cref="ActivityId"/> as a number when Teams gave a numeric id (it does in 1:1 chats): read receipts compare
    /// against it (docs/read-receipts.md). Null for other ids, which a receipt can only match exactly.
    /// </summary>
    public long? MessageNumber { get; set; }

    /// <summary>When the first read receipt covering this message arrived (1:1 chats only; null = no receipt yet).</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
