using OrganBot.Cards;

namespace OrganBot.Dialogs.Feedback;

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
