using System.Globalization;

namespace OrganBot.Bot.ReadReceipts;

/// <summary>
/// Teams message ids in a chat are decimal numbers that grow with time (docs/read-receipts.md), so "read up to id N"
/// covers every message with an id ≤ N. Other ids (another channel, a test client) are kept as text only.
/// </summary>
internal static class TeamsMessageId
{
    /// <summary>Longest id taken as a number: 18 digits always fit in a <see cref="long"/>.</summary>
    public const int MaxDigits = 18;

    /// <summary>Longest id accepted in a read receipt; message ids are far shorter.</summary>
    public const int MaxLength = 256;

    public static long? ToNumber(string? id)
    {
        if (id is null || id.Length is 0 or > MaxDigits) return null;
        foreach (var c in id)
        {
            if (c is < '0' or > '9') return null;
        }

        return long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
