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

    /// <summary>
    /// The card's action with this title (e.g. "管理功能"), also inside an Action.ShowCard (such as 请假 → 提交);
    /// fails when the card has none.
    /// </summary>
    public JsonObject Button(string title) =>
        CardActions().FirstOrDefault(a => a["title"]?.GetValue<string>() == title)
        ?? Walk(Card, includeShowCards: true).FirstOrDefault(a => a["title"]?.GetValue<string>() == title)
        ?? throw new InvalidOperationException($"No button \"{title}\" on the card; buttons: {string.Join(", ", Walk(Card, includeShowCards: true).Select(a => a["title"]))}");

    /// <summary>
    /// What the card shows, one line per text block, fact ("title: value"), input ("label: value") and button title,
    /// without the contents of collapsed Action.ShowCard cards or Submit fallbacks. Assert on this, not on JSON.
    /// </summary>
    public string VisibleText() => Card is { } card ? string.Join('\n', Visible(card)) : Text ?? "";

    /// <summary>
    /// The values the Adaptive Cards renderer would send with an action, before the user types anything:
    /// every input's initial value (text, date, time and choice inputs only when not empty; toggles always, as
    /// "true"/"false"), in the whole card including collapsed ShowCard cards, as adaptivecards.js does.
    /// </summary>
    public JsonObject InitialInputValues()
    {
        var values = new JsonObject();
        foreach (var input in Inputs(Card))
        {
            var id = input["id"]!.GetValue<string>();
            var type = input["type"]!.GetValue<string>();
            var value = input["value"]?.ToString();
            if (type == "Input.Toggle")
            {
                var on = input["valueOn"]?.GetValue<string>() ?? "true";
                var off = input["valueOff"]?.GetValue<string>() ?? "false";
                values[id] = value == on ? on : off;
            }
            else if (!string.IsNullOrEmpty(value))
            {
                values[id] = value;
            }
        }

        return values;
    }

    /// <summary>What an Action.ShowCard button opens in place (e.g. 查看原文, 请假), as a message of its own.</summary>
    public PlaygroundMessage Expand(string buttonTitle) =>
        Button(buttonTitle) is { } button && button["type"]?.GetValue<string>() == "Action.ShowCard" && button["card"] is JsonObject card
            ? WithCard(card) with { Action = "showCard" }
            : throw new InvalidOperationException($"\"{buttonTitle}\" is not an Action.ShowCard.");

    /// <summary>The same message after the Playground swapped its card for the one an invoke response carried.</summary>
    public PlaygroundMessage WithCard(JsonObject card)
    {
        var raw = (JsonObject)Raw.DeepClone();
        var message = raw["message"] as JsonObject ?? [];
        raw["message"] = message;
        message["attachments"] = new JsonArray(new JsonObject { ["contentType"] = AdaptiveCardType, ["content"] = card.DeepClone() });
        return this with { Action = "invokeResponse", Raw = raw };
    }

    public override string ToString() => $"{Action} {MessageId}: {Text ?? (Card is null ? "" : "[card]")}";

    private static IEnumerable<JsonObject> Walk(JsonNode? node, bool includeShowCards = false)
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
                    // The Submit fallback is not a separate button; ShowCard bodies only when asked for.
                    if (key == "fallback" || (key == "card" && !includeShowCards)) continue;
                    foreach (var action in Walk(child, includeShowCards)) yield return action;
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var action in Walk(child, includeShowCards)) yield return action;
                }

                break;
        }
    }

    private static IEnumerable<JsonObject> Inputs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) && obj["id"] is not null)
                {
                    yield return obj;
                }

                foreach (var (key, child) in obj)
                {
                    if (key == "fallback") continue;
                    foreach (var input in Inputs(child)) yield return input;
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var input in Inputs(child)) yield return input;
                }

                break;
        }
    }

    private static IEnumerable<string> Visible(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var type = obj["type"]?.GetValue<string>() ?? "";
                switch (type)
                {
                    case "TextBlock":
                        yield return obj["text"]?.GetValue<string>() ?? "";
                        break;
                    case "FactSet":
                        foreach (var fact in obj["facts"]?.AsArray() ?? [])
                        {
                            yield return $"{fact?["title"]}: {fact?["value"]}";
                        }

                        break;
                    case "Input.ChoiceSet":
                        var chosen = obj["value"]?.ToString();
                        var title = obj["choices"]?.AsArray().FirstOrDefault(c => c?["value"]?.ToString() == chosen)?["title"]?.ToString();
                        yield return $"{obj["label"]}: {title ?? ""}";
                        break;
                    case "Input.Toggle":
                        yield return $"{obj["title"]}: {obj["value"] ?? "false"}";
                        break;
                    case { } t when t.StartsWith("Input.", StringComparison.Ordinal):
                        yield return $"{obj["label"]}: {obj["value"]}";
                        break;
                    case { } t when t.StartsWith("Action.", StringComparison.Ordinal):
                        yield return $"[{obj["title"]}]";
                        yield break; // neither its fallback nor a collapsed ShowCard is visible
                }

                foreach (var (key, child) in obj)
                {
                    if (key is "fallback" or "choices" or "facts") continue;
                    foreach (var line in Visible(child)) yield return line;
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var line in Visible(child)) yield return line;
                }

                break;
        }
    }
}
