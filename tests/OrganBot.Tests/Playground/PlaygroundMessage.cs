using System.Text.Json.Nodes;

namespace OrganBot.Tests.Playground;

/// <summary>One bot-to-user event streamed by the Playground (createMessage, updateMessage, typing, ...).</summary>
public sealed record PlaygroundMessage(string Action, string? ConversationId, JsonObject Raw)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    public JsonObject? Message => Raw["message"] as JsonObject;

    /// <summary>The Playground's id of the message: pass it as the card id to invoke/submit.</summary>
    public string? MessageId => Message?["messageId"]?.GetValue<string>() ?? Message?["id"]?.GetValue<string>();

    public string? Text => Message?["text"] is JsonValue text ? text.GetValue<string>() : null;

    public bool IsCreate => Action == "createMessage";

    public bool IsUpdate => Action == "updateMessage";

    /// <summary>The first Adaptive Card attached, if any.</summary>
    public JsonObject? Card => (Message?["attachments"] as JsonArray)?
        .OfType<JsonObject>()
        .FirstOrDefault(a => a["contentType"]?.GetValue<string>() == AdaptiveCardType)?["content"] as JsonObject;

    /// <summary>All button actions of the card (top-level actions and ActionSets), for pressing one by title.</summary>
    public IEnumerable<JsonObject> CardActions()
    {
        if (Card is null) yield break;
        foreach (var action in Walk(Card))
        {
            yield return action;
        }
    }

    /// <summary>The card's action with this title (e.g. "管理功能"); fails when the card has none.</summary>
    public JsonObject Button(string title) =>
        CardActions().FirstOrDefault(a => a["title"]?.GetValue<string>() == title)
        ?? throw new InvalidOperationException($"No button \"{title}\" on the card; buttons: {string.Join(", ", CardActions().Select(a => a["title"]))}");

    public override string ToString() => $"{Action} {MessageId}: {Text ?? (Card is null ? "" : "[card]")}";

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Action.", StringComparison.Ordinal) && obj["title"] is not null)
                {
                    yield return obj;
                }

                foreach (var (key, child) in obj)
                {
                    if (key is "fallback" or "card") continue; // the Submit fallback and ShowCard bodies are not separate buttons
                    foreach (var action in Walk(child)) yield return action;
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var action in Walk(child)) yield return action;
                }

                break;
        }
    }
}
