using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Delivery;

/// <summary>
/// The one outbound delivery pipeline (a durable outbox): every proactive message of the bot goes through it —
/// reminders, announcements and their progress card, approval requests, feedback notices and admin ticket cards —
/// so all of the bot's traffic to a tenant is paced as one. Enqueueing writes one row per recipient; workers send at
/// Teams' pace, retry transient failures and record permanent ones. A <see cref="DeliveryRequest.DedupKey"/> is
/// delivered at most once. An <see cref="DeliveryOperation.Update"/> of a message that already has an update waiting
/// replaces that update's content instead of queueing a second one (only the latest version of a card is sent).
/// </summary>
public interface IDeliveryQueue
{
    /// <summary>Queues the requests; those whose DedupKey is already queued are ignored. Returns how many were new.</summary>
    Task<int> EnqueueAsync(IReadOnlyList<DeliveryRequest> requests, CancellationToken cancellationToken);

    /// <summary>Per-recipient state of a batch (an announcement, a reminder occurrence).</summary>
    Task<IReadOnlyList<DeliveryStatus>> GetBatchAsync(string batchId, CancellationToken cancellationToken);
}

/// <summary>Who receives a delivery.</summary>
public abstract record DeliveryTarget
{
    /// <summary>A member's 1:1 chat (created with POST /v3/conversations when the bot has none yet).</summary>
    public sealed record User(string UserId) : DeliveryTarget;

    /// <summary>A stored conversation: a channel, group chat or existing 1:1 chat.</summary>
    public sealed record Conversation(string ConversationId) : DeliveryTarget;

    /// <summary>
    /// A member's 1:1 chat named only by a protected (encrypted) user id, e.g. an anonymous ticket's reply address. The
    /// outbox stores it as given and the sender unprotects it just before the call; the row never holds the member's
    /// id or chat, so the database alone cannot tell who received it.
    /// </summary>
    public sealed record Protected(string ProtectedUserId) : DeliveryTarget;
}

/// <param name="DedupKey">Unique per logical message, e.g. "reminder:{occurrence}:{lead}:{user}" or "ann:{id}:{user}".</param>
/// <param name="BatchId">Groups the rows of one announcement or reminder occurrence for progress and export.</param>
/// <param name="Category">reminder | announcement | feedback: for statistics and logs.</param>
/// <param name="NotAfter">Not sent after this time (a reminder for an event that has started); marked expired instead.</param>
/// <param name="Operation">Send (default) posts a new message; Update replaces <paramref name="ActivityId"/> with the message
/// (PUT, e.g. an edited announcement or a progress card); Delete removes it. Update and Delete need a
/// <see cref="DeliveryTarget.Conversation"/>. An Update of an activity that already has an Update pending is merged into
/// it (the newer message wins), and an Update is not sent while another one of the same activity is on the wire, so
/// updates of one card arrive in order.</param>
/// <param name="ActivityId">The earlier message to update or delete; for Send, the message to reply to (optional).</param>
public sealed record DeliveryRequest(
    string DedupKey,
    DeliveryTarget Target,
    OutgoingMessage Message,
    string BatchId,
    string Category,
    DateTimeOffset? NotAfter = null,
    DeliveryOperation Operation = DeliveryOperation.Send,
    string? ActivityId = null);

public enum DeliveryOperation { Send, Update, Delete }

public enum DeliveryState { Pending, Sending, Sent, Failed, Expired }

/// <param name="ConversationId">Where it landed (set once sent), for later update or delete.</param>
/// <param name="ActivityId">The connector's id for the sent message.</param>
/// <param name="ReadAt">When a read receipt covering the message arrived (1:1 chats whose member has receipts on).</param>
public sealed record DeliveryStatus(
    string DedupKey,
    DeliveryTarget Target,
    DeliveryState State,
    int Attempts,
    string? ConversationId,
    string? ActivityId,
    string? Error,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReadAt = null);
