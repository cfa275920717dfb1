using System.Text.Json;

namespace OrganBot.Cards.Model;

public sealed class TextBlock(string text) : CardElement
{
    public string Text { get; } = text;
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool IsSubtle { get; init; }
    public bool Wrap { get; init; } = true;
    public int? MaxLines { get; init; }

    protected override string TypeName => "TextBlock";

    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteString("text"u8, Text);
        if (Wrap) writer.WriteBoolean("wrap"u8, true);
        if (Size is { } size) writer.WriteString("size"u8, CardEnums.Name(size));
        if (Weight is { } weight) writer.WriteString("weight"u8, CardEnums.Name(weight));
        if (Color is { } color) writer.WriteString("color"u8, CardEnums.Name(color));
        if (IsSubtle) writer.WriteBoolean("isSubtle"u8, true);
        if (MaxLines is { } maxLines) writer.WriteNumber("maxLines"u8, maxLines);
    }
}

public sealed class FactSet(IEnumerable<(string Title, string Value)> facts) : CardElement
{
    public IReadOnlyList<(string Title, string Value)> Facts { get; } = [.. facts];

    protected override string TypeName => "FactSet";

    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("facts"u8);
        foreach (var (title, value) in Facts)
        {
            writer.WriteStartObject();
            writer.WriteString("title"u8, title);
            writer.WriteString("value"u8, value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

public sealed class Container(IEnumerable<CardElement> items) : CardElement
{
    public IReadOnlyList<CardElement> Items { get; } = [.. items];
    public ContainerStyle? Style { get; init; }
    public CardAction? SelectAction { get; init; }

    protected override string TypeName => "Container";

    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("items"u8);
        foreach (var item in Items) item.WriteTo(writer);
        writer.WriteEndArray();
        if (Style is { } style) writer.WriteString("style"u8, CardEnums.Name(style));
        if (SelectAction is not null)
        {
            writer.WritePropertyName("selectAction"u8);
            SelectAction.WriteTo(writer);
        }
    }
}

public sealed class Column(IEnumerable<CardElement> items) : CardElement
{
    public IReadOnlyList<CardElement> Items { get; } = [.. items];

    /// <summary>"auto", "stretch" or a weight such as "1".</summary>
    public string Width { get; init; } = "stretch";

    protected override string TypeName => "Column";

    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("items"u8);
        foreach (var item in Items) item.WriteTo(writer);
        writer.WriteEndArray();
        // A weight is a number in the schema, "auto" and "stretch" are strings.
        if (int.TryParse(Width, out var weight)) writer.WriteNumber("width"u8, weight);
        else writer.WriteString("width"u8, Width);
    }
}

public sealed class ColumnSet(IEnumerable<Column> columns) : CardElement
{
    public IReadOnlyList<Column> Columns { get; } = [.. columns];

    protected override string TypeName => "ColumnSet";

    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("columns"u8);
        foreach (var column in Columns) column.WriteTo(writer);
        writer.WriteEndArray();
    }
}

public sealed class Image(string url) : CardElement
{
    public string Url { get; } = url;
    public string? AltText { get; init; }

    protected override string TypeName => "Image";

    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteString("url"u8, Url);
        if (AltText is not null) writer.WriteString("altText"u8, AltText);
    }
}

public sealed class ActionSet(IEnumerable<CardAction> actions) : CardElement
{
    public IReadOnlyList<CardAction> Actions { get; } = [.. actions];

    protected override string TypeName => "ActionSet";

    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("actions"u8);
        foreach (var action in Actions) action.WriteTo(writer);
        writer.WriteEndArray();
    }
}
