using System.Text.Json.Nodes;

namespace OrganBot.Cards.Model;

public abstract class CardAction
{
    public required string Title { get; init; }
    public ActionStyle Style { get; init; } = ActionStyle.Default;
    public string? Id { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = TypeName, ["title"] = Title };
        if (Id is not null) json["id"] = Id;
        if (Style != ActionStyle.Default) json["style"] = Style == ActionStyle.Positive ? "positive" : "destructive";
        WriteProperties(json);
        return json;
    }

    protected abstract string TypeName { get; }

    protected abstract void WriteProperties(JsonObject json);
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

    protected override void WriteProperties(JsonObject json)
    {
        json["verb"] = Verb;
        json["data"] = DataJson();
        if (AssociatedInputs is not null) json["associatedInputs"] = AssociatedInputs;
        var fallback = new JsonObject { ["type"] = "Action.Submit", ["title"] = Title, ["data"] = DataJson() };
        if (AssociatedInputs is not null) fallback["associatedInputs"] = AssociatedInputs;
        json["fallback"] = fallback;
    }

    private JsonObject DataJson()
    {
        var data = new JsonObject { [VerbKey] = Verb };
        foreach (var (key, value) in Data) data[key] = value;
        return data;
    }
}

public sealed class OpenUrlAction(string url) : CardAction
{
    public string Url { get; } = url;

    protected override string TypeName => "Action.OpenUrl";

    protected override void WriteProperties(JsonObject json) => json["url"] = Url;
}

public sealed class ShowCardAction(AdaptiveCard card) : CardAction
{
    public AdaptiveCard Card { get; } = card;

    protected override string TypeName => "Action.ShowCard";

    protected override void WriteProperties(JsonObject json) => json["card"] = Card.ToJson(nested: true);
}

public sealed class ToggleVisibilityAction(IEnumerable<string> targetElementIds) : CardAction
{
    public IReadOnlyList<string> TargetElementIds { get; } = [.. targetElementIds];

    protected override string TypeName => "Action.ToggleVisibility";

    protected override void WriteProperties(JsonObject json) =>
        json["targetElements"] = new JsonArray([.. TargetElementIds.Select(id => (JsonNode)id)]);
}
