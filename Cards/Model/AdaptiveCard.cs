using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrganBot.Cards.Model;

/// <summary>A typed Adaptive Card (schema 1.5, the highest Teams renders) that writes its JSON.</summary>
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

    /// <summary>The card as a JsonObject tree, for callers that edit or inspect it; sending code prefers <see cref="ToCardJson"/>.</summary>
    public JsonObject ToJson() => ToCardJson().ToJsonObject();

    /// <summary>The card written once as UTF-8 JSON, ready to be copied into an outgoing activity.</summary>
    public CardJson ToCardJson() => CardJson.From(this);

    /// <summary>Writes the card as one JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer) => WriteTo(writer, nested: false);

    /// <summary>A card inside <c>Action.ShowCard</c> carries no <c>$schema</c> and no Teams width.</summary>
    internal void WriteTo(Utf8JsonWriter writer, bool nested)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "AdaptiveCard"u8);
        if (!nested) writer.WriteString("$schema"u8, "http://adaptivecards.io/schemas/adaptive-card.json"u8);
        writer.WriteString("version"u8, SchemaVersion);
        if (Lang is not null) writer.WriteString("lang"u8, Lang);
        if (FallbackText is not null) writer.WriteString("fallbackText"u8, FallbackText);
        writer.WriteStartArray("body"u8);
        foreach (var element in Body) element.WriteTo(writer);
        writer.WriteEndArray();
        if (Refresh is not null && !nested)
        {
            writer.WriteStartObject("refresh"u8);
            writer.WritePropertyName("action"u8);
            Refresh.WriteTo(writer);
            writer.WriteEndObject();
        }

        if (Actions.Count > 0)
        {
            writer.WriteStartArray("actions"u8);
            foreach (var action in Actions) action.WriteTo(writer);
            writer.WriteEndArray();
        }

        if (FullWidth && !nested)
        {
            writer.WriteStartObject("msteams"u8);
            writer.WriteString("width"u8, "Full"u8);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
