using System.Text.Json;

namespace OrganBot.Cards.Model;

/// <summary>An input; its <see cref="CardElement.Id"/> is the key its value arrives under.</summary>
public abstract class InputElement : CardElement
{
    public string? Label { get; init; }
    public bool IsRequired { get; init; }
    public string? ErrorMessage { get; init; }

    protected sealed override void WriteProperties(Utf8JsonWriter writer)
    {
        if (Id is null) throw new InvalidOperationException($"{TypeName} needs an id.");
        if (Label is not null) writer.WriteString("label"u8, Label);
        if (IsRequired) writer.WriteBoolean("isRequired"u8, true);
        if (ErrorMessage is not null) writer.WriteString("errorMessage"u8, ErrorMessage);
        WriteInputProperties(writer);
    }

    protected abstract void WriteInputProperties(Utf8JsonWriter writer);
}

public sealed class TextInput : InputElement
{
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool IsMultiline { get; init; }
    public int? MaxLength { get; init; }

    protected override string TypeName => "Input.Text";

    protected override void WriteInputProperties(Utf8JsonWriter writer)
    {
        if (Placeholder is not null) writer.WriteString("placeholder"u8, Placeholder);
        if (!string.IsNullOrEmpty(Value)) writer.WriteString("value"u8, Value);
        if (IsMultiline) writer.WriteBoolean("isMultiline"u8, true);
        if (MaxLength is { } maxLength) writer.WriteNumber("maxLength"u8, maxLength);
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

    protected override void WriteInputProperties(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("choices"u8);
        foreach (var (title, value) in Choices)
        {
            writer.WriteStartObject();
            writer.WriteString("title"u8, title);
            writer.WriteString("value"u8, value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (!string.IsNullOrEmpty(Value)) writer.WriteString("value"u8, Value);
        if (IsMultiSelect) writer.WriteBoolean("isMultiSelect"u8, true);
        if (Expanded) writer.WriteString("style"u8, "expanded"u8);
        if (Placeholder is not null) writer.WriteString("placeholder"u8, Placeholder);
    }
}

public sealed class ToggleInput(string title) : InputElement
{
    public string Title { get; } = title;
    public bool Value { get; init; }

    protected override string TypeName => "Input.Toggle";

    protected override void WriteInputProperties(Utf8JsonWriter writer)
    {
        writer.WriteString("title"u8, Title);
        writer.WriteString("value"u8, Value ? "true"u8 : "false"u8);
        writer.WriteString("valueOn"u8, "true"u8);
        writer.WriteString("valueOff"u8, "false"u8);
    }
}

public sealed class DateInput : InputElement
{
    /// <summary>yyyy-MM-dd.</summary>
    public string? Value { get; init; }

    protected override string TypeName => "Input.Date";

    protected override void WriteInputProperties(Utf8JsonWriter writer)
    {
        if (!string.IsNullOrEmpty(Value)) writer.WriteString("value"u8, Value);
    }
}

public sealed class TimeInput : InputElement
{
    /// <summary>HH:mm.</summary>
    public string? Value { get; init; }

    protected override string TypeName => "Input.Time";

    protected override void WriteInputProperties(Utf8JsonWriter writer)
    {
        if (!string.IsNullOrEmpty(Value)) writer.WriteString("value"u8, Value);
    }
}

public sealed class NumberInput : InputElement
{
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }

    protected override string TypeName => "Input.Number";

    protected override void WriteInputProperties(Utf8JsonWriter writer)
    {
        if (Value is { } value) writer.WriteNumber("value"u8, value);
        if (Min is { } min) writer.WriteNumber("min"u8, min);
        if (Max is { } max) writer.WriteNumber("max"u8, max);
    }
}
