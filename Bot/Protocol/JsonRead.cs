using System.Text.Json.Nodes;

namespace OrganBot.Bot.Protocol;

/// <summary>
/// Reads client-supplied JSON without trusting its shape: a member of anything but an object is null, a value of
/// anything but a string is null. The indexers of JsonNode throw on a string or an array, which made a wrong-typed
/// field (<c>"channelData": "x"</c>, <c>"team": {"id": 5}</c>) a 500 before the turn's error handling.
/// </summary>
internal static class JsonRead
{
    /// <summary>The member <paramref name="key"/> of an object; null for any other node.</summary>
    public static JsonNode? Member(this JsonNode? node, string key) =>
        node is JsonObject obj && obj.TryGetPropertyValue(key, out var value) ? value : null;

    /// <summary>The string value of a node; null for numbers, objects, arrays and null.</summary>
    public static string? AsString(this JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    /// <summary>
    /// Reads every property name and string in <paramref name="node"/> once. Untyped members (channelData, value,
    /// entities) are parsed lazily, so a bad escape (a lone surrogate) or a repeated key would otherwise throw wherever
    /// the turn first touches them; called inside the edge's parse, it makes them a 400 instead.
    /// </summary>
    public static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj) Materialize(child);
                break;
            case JsonArray array:
                foreach (var child in array) Materialize(child);
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }
}
