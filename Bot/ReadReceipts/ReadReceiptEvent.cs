using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.ReadReceipts;

/// <summary>
/// Teams' read receipt: an <c>event</c> activity named <c>application/vnd.microsoft.readReceipt</c> whose
/// <c>value.lastReadMessageId</c> is the newest message the member has seen in that 1:1 chat.
/// </summary>
internal sealed record ReadReceiptEvent(string ConversationId, string LastReadMessageId)
{
    public const string Name = "application/vnd.microsoft.readReceipt";

    public static bool IsReadReceipt(Activity activity) =>
        activity.Type == ActivityTypes.Event && string.Equals(activity.Name, Name, StringComparison.Ordinal);

    /// <summary>The receipt, or the reason it is malformed (value not an object, id missing, not a string or integer, too long).</summary>
    public static (ReadReceiptEvent? Receipt, string? Error) Parse(Activity activity)
    {
        if (activity.Value is not JsonObject value) return (null, "value must be an object with lastReadMessageId.");
        var id = value["lastReadMessageId"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            // Some clients send the id as a JSON number; only whole, non-negative numbers can be message ids.
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) && n >= 0 => n.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (id is null) return (null, "value.lastReadMessageId must be a string or a whole number.");
        id = id.Trim();
        if (id.Length is 0 or > TeamsMessageId.MaxLength) return (null, $"value.lastReadMessageId must have 1 to {TeamsMessageId.MaxLength} characters.");
        return (new ReadReceiptEvent(activity.Conversation!.Id!, id), null);
    }
}
