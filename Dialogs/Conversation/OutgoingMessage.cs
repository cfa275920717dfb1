using System.Text.Json.Nodes;

namespace OrganBot.Dialogs.Conversation;

/// <summary>A message the bot sends: text, an Adaptive Card, or both.</summary>
public sealed record OutgoingMessage
{
    public string? Text { get; init; }

    /// <summary>Adaptive Card JSON (the attachment content).</summary>
    public JsonObject? Card { get; init; }

    /// <summary>Extra activity entities, e.g. Teams citations.</summary>
    public IReadOnlyList<JsonObject>? Entities { get; init; }

    /// <summary>Raise a Teams activity-feed notification (proactive sends).</summary>
    public bool Notify { get; init; }

    public static OutgoingMessage FromText(string text) => new() { Text = text };

    public static OutgoingMessage FromCard(JsonObject card, string? summary = null) => new() { Card = card, Text = summary };
}
