namespace OrganBot.Dialogs.Knowledge;

/// <summary>Recall@1, Recall@3 and MRR of a set of questions, overall and per kind.</summary>
public sealed record EvaluationReport(
    int Count,
    double RecallAt1,
    double RecallAt3,
    double Mrr,
    double Refused,
    IReadOnlyDictionary<string, (int Count, double RecallAt1, double RecallAt3, double Mrr)> PerKind,
    IReadOnlyList<(EvaluationQuestion Question, int Rank, KnowledgeAnswer Answer)> Results);
