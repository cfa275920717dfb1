namespace OrganBot.Cards.Feedback;

/// <summary>The six kinds of need of the 暖心工程.</summary>
public enum FeedbackCategory { Political, Work, Psychological, Life, Suggestion, Other }

/// <summary>Where a ticket stands. Replies do not change the status.</summary>
public enum FeedbackStatus { New, Accepted, Routed, Resolved }

/// <summary>The two-track handling units: party committee for conduct matters, union/women's federation for livelihood.</summary>
public enum HandlingUnit { PartyCommittee, UnionAndWomen }

public enum SatisfactionRating { Satisfied, BasicallySatisfied, Dissatisfied }

/// <summary>How the member would like to be contacted (beyond the bot's own replies).</summary>
public enum ContactPreference { BotOnly, TeamsChat, Phone, InPerson }

/// <summary>
/// A ticket as any admin surface sees it. It deliberately has no member user id; for an anonymous ticket the
/// name and aadObjectId are null as well, so no card, list or export built from it can leak the member.
/// </summary>
public sealed record FeedbackTicket
{
    public required long Id { get; init; }
    public required string Number { get; init; }
    public required FeedbackCategory Category { get; init; }
    public required string Content { get; init; }
    public required bool IsAnonymous { get; init; }

    /// <summary>Display name of the member; always null for anonymous tickets.</summary>
    public string? MemberName { get; init; }

    /// <summary>Always null for anonymous tickets.</summary>
    public string? MemberAadObjectId { get; init; }

    public ContactPreference Contact { get; init; }
    public string? ContactDetail { get; init; }
    public required FeedbackStatus Status { get; init; }
    public HandlingUnit? Unit { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public SatisfactionRating? Rating { get; init; }
    public string? RatingComment { get; init; }
    public DateTimeOffset? RatedAt { get; init; }

    /// <summary>Incremented on every change; admin cards carry it so a stale card cannot act.</summary>
    public required int Version { get; init; }

    /// <summary>Language the member used, for their notifications.</summary>
    public UiLanguage Language { get; init; }

    public IReadOnlyList<FeedbackReply> Replies { get; init; } = [];
}

public sealed record FeedbackReply(DateTimeOffset At, string AdminName, string Text);

/// <summary>One line of a ticket's history: who did what, when.</summary>
public sealed record FeedbackHistoryEntry(DateTimeOffset At, string Actor, string Action, string? Detail);
