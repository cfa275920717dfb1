namespace OrganBot.Dialogs.Conversation;

/// <summary>Sends outside a turn, to conversations the bot stored earlier.</summary>
public interface IProactiveMessenger
{
    /// <summary>Sends to a stored conversation; returns the activity id.</summary>
    Task<string?> SendToConversationAsync(string conversationId, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Sends to a member's 1:1 chat, creating the chat when the bot has none yet.</summary>
    Task<SentMessage> SendToUserAsync(string userId, OutgoingMessage message, CancellationToken cancellationToken);

    Task UpdateAsync(string conversationId, string activityId, OutgoingMessage message, CancellationToken cancellationToken);

    Task DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken);
}

/// <summary>Where a proactive message landed, so it can be updated or deleted later.</summary>
public sealed record SentMessage(string ConversationId, string? ActivityId);
