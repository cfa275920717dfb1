namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>What read receipts say about a batch of deliveries (port; EF in Bot).</summary>
public interface IReadTracking
{
    /// <summary>Delivered 1:1 messages, how many of them a read receipt covers, and channel posts (which get no receipts).</summary>
    Task<ReadCounts> CountAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>The batch's delivered 1:1 messages that no read receipt covers yet.</summary>
    Task<IReadOnlyList<DeliveredMessage>> ListUnreadAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>The batch's delivered channel posts, with the team each channel belongs to.</summary>
    Task<IReadOnlyList<ChannelPost>> ListChannelPostsAsync(string batchId, CancellationToken cancellationToken);
}

/// <param name="Delivered">1:1 messages sent.</param>
/// <param name="Read">Of those, covered by a read receipt.</param>
/// <param name="ChannelPosts">Channel messages sent: Teams has no read receipts there.</param>
public sealed record ReadCounts(int Delivered, int Read, int ChannelPosts)
{
    public static readonly ReadCounts None = new(0, 0, 0);

    /// <summary>No receipt yet: unread, or a member whose read receipts are turned off (unknown).</summary>
    public int NoReceipt => Delivered - Read;
}

/// <summary>A delivered 1:1 message: who got it, in which chat, and its message id there.</summary>
public sealed record DeliveredMessage(string UserId, string ConversationId, string ActivityId);

public sealed record ChannelPost(string ConversationId, string ActivityId, string? TeamId, string? TeamName);
