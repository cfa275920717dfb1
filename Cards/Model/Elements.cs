using System.Text.Json.Nodes;

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

    protected override void WriteProperties(JsonObject json)
    {
        json["text"] = Text;
        if (Wrap) json["wrap"] = true;
        if (Size is { } size) json["size"] = Lower(size);
        if (Weight is { } weight) json["weight"] = Lower(weight);
        if (Color is { } color) json["color"] = Lower(color);
        if (IsSubtle) json["isSubtle"] = true;
        if (MaxLines is { } maxLines) json["maxLines"] = maxLines;
    }

    internal static string Lower<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

public sealed class FactSet(IEnumerable<(string Title, string Value)> facts) : CardElement
{
    public IReadOnlyList<(string Title, string Value)> Facts { get; } = [.. facts];

    protected override string TypeName => "FactSet";

    protected override void WriteProperties(JsonObject json) =>
        json["facts"] = new JsonArray([.. Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]);
}

public sealed class Container(IEnumerable<CardElement> items) : CardElement
{
    public IReadOnlyList<CardElement> Items { get; } = [.. items];
    public ContainerStyle? Style { get; init; }
    public CardAction? SelectAction { get; init; }

    protected override string TypeName => "Container";

    protected override void WriteProperties(JsonObject json)
    {
        json["items"] = new JsonArray([.. Items.Select(i => (JsonNode)i.ToJson())]);
        if (Style is { } style) json["style"] = TextBlock.Lower(style);
        if (SelectAction is not null) json["selectAction"] = SelectAction.ToJson();
    }
}

public sealed class Column(IEnumerable<CardElement> items) : CardElement
{
    public IReadOnlyList<CardElement> Items { get; } = [.. items];

    /// <summary>"auto", "stretch" or a weight such as "1".</summary>
    public string Width { get; init; } = "stretch";

    protected override string TypeName => "Column";

    protected override void WriteProperties(JsonObject json)
    {
        json["items"] = new JsonArray([.. Items.Select(i => (JsonNode)i.ToJson())]);
        json["width"] = int.TryParse(Width, out var weight) ? weight : Width;
    }
}

public sealed class ColumnSet(IEnumerable<Column> columns) : CardElement
{
    public IReadOnlyList<Column> Columns { get; } = [.. columns];

    protected override string TypeName => "ColumnSet";

    protected override void WriteProperties(JsonObject json) =>
        json["columns"] = new JsonArray([.. Columns.Select(c => (JsonNode)c.ToJson())]);
}

public sealed class Image(string url) : CardElement
{
    public string Url { get; } = url;
    public string? AltText { get; init; }

    protected override string TypeName => "Image";

    protected override void WriteProperties(JsonObject json)
    {
        json["url"] = Url;
        if (AltText is not null) json["altText"] = AltText;
    }
}

public sealed class ActionSet(IEnumerable<CardAction> actions) : CardElement
{
    public IReadOnlyList<CardAction> Actions { get; } = [.. actions];

    protected override string TypeName => "ActionSet";

    protected override void WriteProperties(JsonObject json) =>
        json["actions"] = new JsonArray([.. Actions.Select(a => (JsonNode)a.ToJson())]);
}
