namespace OrganBot.Bot.Knowledge;

/// <summary>A member's 👍/👎 on an answer (table AnswerVotes; one row per member per answer).</summary>
public sealed class AnswerVoteRecord
{
    public long Id { get; set; }

    /// <summary>Id of the cited sentence the answer was built on (s42).</summary>
    public required string AnswerId { get; set; }

    /// <summary>The member's aadObjectId (or Teams id when there is none).</summary>
    public required string UserKey { get; set; }

    public required string Question { get; set; }

    public required string Label { get; set; }

    public bool IsHelpful { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
