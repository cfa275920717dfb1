namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// Recall@1, Recall@3 and MRR of the answerable questions of a set, overall and per kind; the share of answerable
/// questions wrongly refused; and, for questions of kind <c>unanswerable</c> (no gold), the share recognised as
/// not covered.
/// </summary>
public sealed record EvaluationReport(
    int Count,
    double RecallAt1,
    double RecallAt3,
    double Mrr,
    double Refused,
    IReadOnlyDictionary<string, (int Count, double RecallAt1, double RecallAt3, double Mrr)> PerKind,
    IReadOnlyList<(EvaluationQuestion Question, int Rank, KnowledgeAnswer Answer)> Results)
{
    /// <summary>Number of unanswerable questions (kind <c>unanswerable</c>).</summary>
    public int UnanswerableCount { get; init; }

    /// <summary>Share of the unanswerable questions answered 讲话未涉及 (1 when there are none).</summary>
    public double UnanswerableRecognised { get; init; } = 1;

    /// <summary>All unanswerable questions with their answers.</summary>
    public IReadOnlyList<(EvaluationQuestion Question, KnowledgeAnswer Answer)> Unanswerable { get; init; } = [];

    /// <summary>Unanswerable questions that got a citation anyway.</summary>
    public IReadOnlyList<(EvaluationQuestion Question, KnowledgeAnswer Answer)> UnanswerableAnswered { get; init; } = [];
}
