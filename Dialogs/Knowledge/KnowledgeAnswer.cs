namespace OrganBot.Dialogs.Knowledge;

/// <summary>What the speech says about a question: the verbatim answer, its citations and where to read on.</summary>
public sealed record KnowledgeAnswer
{
    public required string Question { get; init; }

    public required AnswerKind Kind { get; init; }

    public bool Covered => Kind != AnswerKind.NotCovered;

    /// <summary>The direct answer: the best sentences (or list items) verbatim, in speech order.</summary>
    public required string Text { get; init; }

    /// <summary>Best first, at most five.</summary>
    public required IReadOnlyList<KnowledgeCitation> Citations { get; init; }

    /// <summary>The part holding the main citation (for 查看原文); null when not covered.</summary>
    public SpeechPart? Part { get; init; }

    /// <summary>For 讲话未涉及: the parts nearest to the question, best first.</summary>
    public IReadOnlyList<SpeechPart> RelatedParts { get; init; } = [];

    /// <summary>Related questions the member may ask next: (button title, question).</summary>
    public IReadOnlyList<(string Title, string Question)> FollowUps { get; init; } = [];

    /// <summary>Diagnostics for evaluation: query coverage, best score, coverage of the best sentence.</summary>
    public (double QueryCoverage, double TopScore, double TopCoverage) Signals { get; init; }

    /// <summary>The one not-covered signal (0–1; 1 for structural answers): answered when ≥ <see cref="KnowledgeBase.MinConfidence"/>.</summary>
    public double Confidence { get; init; }
}
