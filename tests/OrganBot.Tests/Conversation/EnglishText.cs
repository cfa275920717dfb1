using System.Text.Json.Nodes;

namespace OrganBot.Tests.Conversation;

/// <summary>
/// The English interface writes half-width punctuation: a full-width mark next to a Latin letter or digit
/// (“15:00（Beijing time）”) is a slip. Quotations from the speech are Chinese on both sides and pass.
/// </summary>
public static class EnglishText
{
    private const string FullWidth = "，。：；！？（）【】、";

    /// <summary>Every card string (text, title, value, label) with a full-width mark beside Latin text.</summary>
    public static IReadOnlyList<string> FullWidthBesideLatin(JsonNode? card)
    {
        var found = new List<string>();
        Walk(card, found);
        return found;
    }

    private static void Walk(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj) Walk(value, found);
                break;
            case JsonArray array:
                foreach (var item in array) Walk(item, found);
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && HasSlip(text):
                found.Add(text);
                break;
        }
    }

    private static bool HasSlip(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!FullWidth.Contains(text[i])) continue;
            if (Latin(Neighbour(text, i, -1)) || Latin(Neighbour(text, i, +1))) return true;
        }

        return false;
    }

    private static char Neighbour(string text, int at, int step)
    {
        for (var i = at + step; i >= 0 && i < text.Length; i += step)
        {
            if (text[i] != ' ') return text[i];
        }

        return ' ';
    }

    private static bool Latin(char c) => char.IsAsciiLetterOrDigit(c);
}
