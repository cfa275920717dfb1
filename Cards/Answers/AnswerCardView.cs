namespace OrganBot.Cards.Answers;

/// <summary>Everything the answer card shows; quotations are verbatim from the speech.</summary>
public sealed record AnswerCardView
{
    public required string Question { get; init; }

    /// <summary>Id of the main cited sentence; votes are stored against it.</summary>
    public required string AnswerId { get; init; }

    /// <summary>The direct answer: the best sentences (or the list items, one per line), verbatim.</summary>
    public required string Answer { get; init; }

    /// <summary>An answer written by Azure OpenAI from the citations, when one passed validation.</summary>
    public string? GeneratedAnswer { get; init; }

    /// <summary>Location label of the main citation.</summary>
    public required string Label { get; init; }

    /// <summary>The quoted passage around the answer.</summary>
    public required string Passage { get; init; }

    /// <summary>Numbered sources (label, text) shown under a generated answer.</summary>
    public IReadOnlyList<(string Label, string Text)> Sources { get; init; } = [];

    /// <summary>Label of the whole part for 查看原文, and its paragraphs.</summary>
    public required string PartLabel { get; init; }

    public required IReadOnlyList<string> PartText { get; init; }

    /// <summary>Up to three related questions: (button title, question).</summary>
    public IReadOnlyList<(string Title, string Question)> FollowUps { get; init; } = [];

    /// <summary>Shown instead of the vote buttons once the member has voted.</summary>
    public string? VoteNote { get; init; }

    /// <summary>After 👎: offer 答非所问 / 不完整 / 其他 (the reasons, in the member's language) as buttons.</summary>
    public IReadOnlyList<(string Reason, string Title)> ReasonChoices { get; init; } = [];
}
