using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrganBot.Cards.Model;

/// <summary>An element of a card body. Each subclass writes its own schema-valid JSON.</summary>
public abstract class CardElement
{
    // Spacing is written in lower case throughout (e.g. "extralarge"), the other enums in camelCase.
    private static readonly string[] s_spacing = ["none", "small", "default", "medium", "large", "extralarge", "padding"];

    public string? Id { get; init; }
    public bool Separator { get; init; }
    public Spacing? Spacing { get; init; }
    public bool? IsVisible { get; init; }

    /// <summary>The element alone as a JsonObject tree (cards are written with <see cref="WriteTo"/>).</summary>
    public JsonObject ToJson() => JsonNode.Parse(CardJson.Write(WriteTo))!.AsObject();

    /// <summary>Writes the element as one JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, TypeName);
        if (Id is not null) writer.WriteString("id"u8, Id);
        if (Separator) writer.WriteBoolean("separator"u8, true);
        if (Spacing is { } spacing) writer.WriteString("spacing"u8, s_spacing[(int)spacing]);
        if (IsVisible is false) writer.WriteBoolean("isVisible"u8, false);
        WriteProperties(writer);
        writer.WriteEndObject();
    }

    protected abstract string TypeName { get; }

    /// <summary>Writes the subclass's own properties inside the element's object.</summary>
    protected abstract void WriteProperties(Utf8JsonWriter writer);
}

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

public enum TextSize { Small, Default, Medium, Large, ExtraLarge }

public enum TextWeight { Lighter, Default, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }
