namespace OrganBot.Bot.Knowledge;

/// <summary>
/// Questions asked (table QaAsked): each instance adds one row per month and part every time it stores its counts, so
/// instances never update the same row; readers sum the rows.
/// </summary>
public sealed class QaAskedRecord
{
    public long Id { get; set; }

    /// <summary>yyyy-MM, office time.</summary>
    public required string Month { get; set; }

    /// <summary>The part of the speech the answer came from; -1 讲话未涉及, -2 the speech as a whole.</summary>
    public int Part { get; set; }

    public int Count { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
