namespace OrganBot.Bot.Storage;

/// <summary>
/// An inbound activity id already taken on in a conversation. Teams redelivers an activity whose answer it thinks
/// timed out; the unique key makes the first delivery win on every instance, and rows older than
/// <see cref="SeenActivities.Window"/> are deleted.
/// </summary>
public sealed class SeenActivityRecord
{
    public required string ConversationId { get; set; }
    public required string ActivityId { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
