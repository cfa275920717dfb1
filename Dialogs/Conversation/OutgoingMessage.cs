using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Dialogs.Conversation;

/// <summary>A message the bot sends: text, an Adaptive Card, or both.</summary>
public sealed record OutgoingMessage
{
    public string? Text { get; init; }

    /// <summary>Adaptive Card JSON (the attachment content).</summary>
    public JsonObject? Card { get; init; }

    /// <summary>
    /// An Adaptive Card already written as JSON, sent byte for byte instead of <see cref="Card"/> (the Q&amp;A path
    /// writes its cards once and remembers them).
    /// </summary>
    public CardJson? WrittenCard { get; init; }

    /// <summary>Extra activity entities, e.g. Teams citations.</summary>
    public IReadOnlyList<JsonObject>? Entities { get; init; }

    /// <summary>Raise a Teams activity-feed notification (proactive sends).</summary>
    public bool Notify { get; init; }

    public static OutgoingMessage FromText(string text) => new() { Text = text };

    public static OutgoingMessage FromCard(JsonObject card, string? summary = null) => new() { Card = card, Text = summary };

    public static OutgoingMessage FromCard(CardJson card, string? summary = null) => new() { WrittenCard = card, Text = summary };
}
