namespace OrganBot.Cards.Feedback;

/// <summary>What the member has entered on the form so far, kept across validation errors and restarts.</summary>
public sealed record FeedbackDraft(string? Category, string Content, bool Anonymous, string? Contact, string? ContactDetail)
{
    public static FeedbackDraft Empty { get; } = new(null, "", false, null, null);
}
