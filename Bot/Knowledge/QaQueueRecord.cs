namespace OrganBot.Bot.Knowledge;

/// <summary>
/// A question in 问答待办 (table QaQueue): missed (讲话未涉及) or 👎, then linked to sentences by an admin (an alternate
/// phrasing the index loads at start) or confirmed as not covered.
/// </summary>
public sealed class QaQueueRecord
{
    public long Id { get; set; }

    public required string Question { get; set; }

    /// <summary>The question normalised (width, case, spaces), so the same question asked twice groups together.</summary>
    public required string QuestionKey { get; set; }

    /// <summary>未涉及, 👎, 答非所问, 不完整 or 其他.</summary>
    public required string Reason { get; set; }

    /// <summary>The member's Teams id (where the answer goes) and aadObjectId-or-id (one open entry per member and question).</summary>
    public required string AskerUserId { get; set; }

    public required string AskerKey { get; set; }

    /// <summary>zh or en: the language the answer is sent in.</summary>
    public required string Language { get; set; }

    /// <summary>Open, Linked or NotCovered.</summary>
    public required string Status { get; set; }

    /// <summary>Linked sentence ids, comma-separated (s42,s43); for 👎 the answer that was rated.</summary>
    public string SentenceIds { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }
}
