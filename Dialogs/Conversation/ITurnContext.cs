using System.Text.Json.Nodes;

namespace OrganBot.Dialogs.Conversation;

/// <summary>One turn of a conversation as dialogs see it: what arrived, who sent it, and how to answer.</summary>
public interface ITurnContext
{
    TurnInput Input { get; }

    /// <summary>True when the sender is a configured admin (see <see cref="AdminAuthorization"/>).</summary>
    bool IsAdmin { get; }

    /// <summary>Sends a message into this conversation; returns the new activity id.</summary>
    Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the card a card action came from: in the invoke response for Action.Execute,
    /// by updating the message for the Action.Submit fallback.
    /// </summary>
    Task ReplaceCardAsync(JsonObject card, CancellationToken cancellationToken);

    /// <summary>Updates an earlier bot message in this conversation.</summary>
    Task UpdateAsync(string activityId, OutgoingMessage message, CancellationToken cancellationToken);
}
