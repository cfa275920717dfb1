using System.Text.Json.Nodes;

namespace OrganBot.Cards.Model;

/// <summary>An element of a card body. Each subclass writes its own schema-valid JSON.</summary>
public abstract class CardElement
{
    public string? Id { get; init; }
    public bool Separator { get; init; }
    public Spacing? Spacing { get; init; }
    public bool? IsVisible { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = TypeName };
        if (Id is not null) json["id"] = Id;
        if (Separator) json["separator"] = true;
        if (Spacing is { } spacing) json["spacing"] = spacing.ToString().ToLowerInvariant();
        if (IsVisible is false) json["isVisible"] = false;
        WriteProperties(json);
        return json;
    }

    protected abstract string TypeName { get; }

    protected abstract void WriteProperties(JsonObject json);
}

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

public enum TextSize { Small, Default, Medium, Large, ExtraLarge }

public enum TextWeight { Lighter, Default, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }
