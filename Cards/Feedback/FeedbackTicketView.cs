namespace OrganBot.Cards.Feedback;

/// <summary>
/// A ticket as a card shows it, in one language (labels already chosen). It has no member user id; for an anonymous
/// ticket the name is null as well, so no card built from it can name the member.
/// </summary>
public sealed record FeedbackTicketView
{
    public required string Number { get; init; }

    /// <summary>The ticket's version; admin cards carry it so a stale card cannot act.</summary>
    public required int Version { get; init; }

    public required string Category { get; init; }
    public required string Status { get; init; }
    public bool IsNew { get; init; }
    public bool IsResolved { get; init; }

    /// <summary>Label and code of the unit it was referred to; null until referred.</summary>
    public string? Unit { get; init; }

    public string? UnitCode { get; init; }
    public required string Content { get; init; }
    public required bool IsAnonymous { get; init; }

    /// <summary>Always null for anonymous tickets.</summary>
    public string? MemberName { get; init; }

    /// <summary>How the member asked to be contacted beyond the bot's replies; null when the bot's replies are enough.</summary>
    public string? Contact { get; init; }

    public string? ContactDetail { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? Rating { get; init; }
    public string? RatingComment { get; init; }
    public IReadOnlyList<FeedbackReplyView> Replies { get; init; } = [];
}
