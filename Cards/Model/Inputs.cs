using System.Text.Json.Nodes;

namespace OrganBot.Cards.Model;

/// <summary>An input; its <see cref="CardElement.Id"/> is the key its value arrives under.</summary>
public abstract class InputElement : CardElement
{
    public string? Label { get; init; }
    public bool IsRequired { get; init; }
    public string? ErrorMessage { get; init; }

    protected sealed override void WriteProperties(JsonObject json)
    {
        if (Id is null) throw new InvalidOperationException($"{TypeName} needs an id.");
        if (Label is not null) json["label"] = Label;
        if (IsRequired) json["isRequired"] = true;
        if (ErrorMessage is not null) json["errorMessage"] = ErrorMessage;
        WriteInputProperties(json);
    }

    protected abstract void WriteInputProperties(JsonObject json);
}

public sealed class TextInput : InputElement
{
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool IsMultiline { get; init; }
    public int? MaxLength { get; init; }

    protected override string TypeName => "Input.Text";

    protected override void WriteInputProperties(JsonObject json)
    {
        if (Placeholder is not null) json["placeholder"] = Placeholder;
        if (!string.IsNullOrEmpty(Value)) json["value"] = Value;
        if (IsMultiline) json["isMultiline"] = true;
        if (MaxLength is { } maxLength) json["maxLength"] = maxLength;
    }
}

public sealed class ChoiceSetInput(IEnumerable<(string Title, string Value)> choices) : InputElement
{
    public IReadOnlyList<(string Title, string Value)> Choices { get; } = [.. choices];
    public string? Value { get; init; }
    public bool IsMultiSelect { get; init; }
    public bool Expanded { get; init; }
    public string? Placeholder { get; init; }

    protected override string TypeName => "Input.ChoiceSet";

    protected override void WriteInputProperties(JsonObject json)
    {
        json["choices"] = new JsonArray([.. Choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]);
        if (!string.IsNullOrEmpty(Value)) json["value"] = Value;
        if (IsMultiSelect) json["isMultiSelect"] = true;
        if (Expanded) json["style"] = "expanded";
        if (Placeholder is not null) json["placeholder"] = Placeholder;
    }
}

public sealed class ToggleInput(string title) : InputElement
{
    public string Title { get; } = title;
    public bool Value { get; init; }

    protected override string TypeName => "Input.Toggle";

    protected override void WriteInputProperties(JsonObject json)
    {
        json["title"] = Title;
        json["value"] = Value ? "true" : "false";
        json["valueOn"] = "true";
        json["valueOff"] = "false";
    }
}

public sealed class DateInput : InputElement
{
    /// <summary>yyyy-MM-dd.</summary>
    public string? Value { get; init; }

    protected override string TypeName => "Input.Date";

    protected override void WriteInputProperties(JsonObject json)
    {
        if (!string.IsNullOrEmpty(Value)) json["value"] = Value;
    }
}

public sealed class TimeInput : InputElement
{
    /// <summary>HH:mm.</summary>
    public string? Value { get; init; }

    protected override string TypeName => "Input.Time";

    protected override void WriteInputProperties(JsonObject json)
    {
        if (!string.IsNullOrEmpty(Value)) json["value"] = Value;
    }
}

public sealed class NumberInput : InputElement
{
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }

    protected override string TypeName => "Input.Number";

    protected override void WriteInputProperties(JsonObject json)
    {
        if (Value is { } value) json["value"] = value;
        if (Min is { } min) json["min"] = min;
        if (Max is { } max) json["max"] = max;
    }
}
