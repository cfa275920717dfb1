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
}
