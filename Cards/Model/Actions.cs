using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrganBot.Cards.Model;

public abstract class CardAction
{
    public required string Title { get; init; }
    public ActionStyle Style { get; init; } = ActionStyle.Default;
    public string? Id { get; init; }

    /// <summary>The action alone as a JsonObject tree (cards are written with <see cref="WriteTo"/>).</summary>
    public JsonObject ToJson() => JsonNode.Parse(CardJson.Write(WriteTo))!.AsObject();

    /// <summary>Writes the action as one JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, TypeName);
        writer.WriteString("title"u8, Title);
        if (Id is not null) writer.WriteString("id"u8, Id);
        if (Style != ActionStyle.Default) writer.WriteString("style"u8, Style == ActionStyle.Positive ? "positive"u8 : "destructive"u8);
        WriteProperties(writer);
        writer.WriteEndObject();
    }

    protected abstract string TypeName { get; }

    /// <summary>Writes the subclass's own properties inside the action's object.</summary>
    protected abstract void WriteProperties(Utf8JsonWriter writer);
}

public enum ActionStyle { Default, Positive, Destructive }

/// <summary>
/// A Universal Action (<c>Action.Execute</c>), answered by the bot in the invoke response. Clients without
/// Universal Actions fall back to an <c>Action.Submit</c> carrying the same data plus the verb, so both
/// paths reach one handler.
/// </summary>
public sealed class ExecuteAction(string verb) : CardAction
{
    /// <summary>Key under which the verb travels inside the submit data.</summary>
    public const string VerbKey = "verb";

    public string Verb { get; } = verb;
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>"none" skips input validation (e.g. a cancel button); "auto" sends all inputs.</summary>
    public string? AssociatedInputs { get; init; }

    protected override string TypeName => "Action.Execute";

    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteString("verb"u8, Verb);
        WriteData(writer);
        if (AssociatedInputs is not null) writer.WriteString("associatedInputs"u8, AssociatedInputs);
        writer.WriteStartObject("fallback"u8);
        writer.WriteString("type"u8, "Action.Submit"u8);
        writer.WriteString("title"u8, Title);
        WriteData(writer);
        if (AssociatedInputs is not null) writer.WriteString("associatedInputs"u8, AssociatedInputs);
        writer.WriteEndObject();
    }

    /// <summary>The verb first, then the data; a data key equal to the verb key replaces it in place, as a JSON object would.</summary>
    private void WriteData(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("data"u8);
        writer.WriteString(VerbKey, Data.TryGetValue(VerbKey, out var verb) ? verb : Verb);
        foreach (var (key, value) in Data)
        {
            if (key != VerbKey) writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}

public sealed class OpenUrlAction(string url) : CardAction
{
    public string Url { get; } = url;

    protected override string TypeName => "Action.OpenUrl";

    protected override void WriteProperties(Utf8JsonWriter writer) => writer.WriteString("url"u8, Url);
}

public sealed class ShowCardAction(AdaptiveCard card) : CardAction
{
    public AdaptiveCard Card { get; } = card;

    protected override string TypeName => "Action.ShowCard";

    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("card"u8);
        Card.WriteTo(writer, nested: true);
    }
}

public sealed class ToggleVisibilityAction(IEnumerable<string> targetElementIds) : CardAction
{
    public IReadOnlyList<string> TargetElementIds { get; } = [.. targetElementIds];

    protected override string TypeName => "Action.ToggleVisibility";

    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("targetElements"u8);
        foreach (var id in TargetElementIds) writer.WriteStringValue(id);
        writer.WriteEndArray();
    }
}
