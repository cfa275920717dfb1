using System.Text.Json.Nodes;

namespace OrganBot.Cards.Model;

/// <summary>A typed Adaptive Card (schema 1.5, the highest Teams renders) that emits its JSON.</summary>
public sealed class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaVersion = "1.5";

    public List<CardElement> Body { get; init; } = [];
    public List<CardAction> Actions { get; init; } = [];

    /// <summary>Shown by clients that cannot render the card.</summary>
    public string? FallbackText { get; init; }

    /// <summary>Language of the card text as a bare ISO 639 code, e.g. "zh" (the renderer rejects "zh-CN").</summary>
    public string? Lang { get; init; }

    /// <summary>Teams: let the card use the full message width.</summary>
    public bool FullWidth { get; init; }

    /// <summary>Universal Actions: Teams runs this when the card is shown again, so it reflects changes made since.</summary>
    public ExecuteAction? Refresh { get; init; }

    public JsonObject ToJson() => ToJson(nested: false);

    internal JsonObject ToJson(bool nested)
    {
        var json = new JsonObject { ["type"] = "AdaptiveCard" };
        if (!nested) json["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json";
        json["version"] = SchemaVersion;
        if (Lang is not null) json["lang"] = Lang;
        if (FallbackText is not null) json["fallbackText"] = FallbackText;
        json["body"] = new JsonArray([.. Body.Select(e => (JsonNode)e.ToJson())]);
        if (Refresh is not null && !nested) json["refresh"] = new JsonObject { ["action"] = Refresh.ToJson() };
        if (Actions.Count > 0) json["actions"] = new JsonArray([.. Actions.Select(a => (JsonNode)a.ToJson())]);
        if (FullWidth && !nested) json["msteams"] = new JsonObject { ["width"] = "Full" };
        return json;
    }
}
