using System.Text.Json.Nodes;

namespace OrganBot.Tests.Conversation;

/// <summary>Walks a card's JSON: every object in it, depth first, skipping the subtrees under <c>skipKeys</c>.</summary>
public static class CardTree
{
    public static IEnumerable<JsonObject> Descendants(JsonNode? node, params string[] skipKeys)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (key, value) in obj)
                {
                    if (skipKeys.Contains(key)) continue;
                    foreach (var child in Descendants(value, skipKeys)) yield return child;
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var child in Descendants(item, skipKeys)) yield return child;
                }

                break;
        }
    }
}
