using System.Text.Json;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>Runs an evaluation set through the same engine the bot and the CLI use.</summary>
public static class KnowledgeEvaluator
{
    /// <summary>Kind of a question the speech does not address (no gold): it must be answered 讲话未涉及.</summary>
    public const string UnanswerableKind = "unanswerable";

    public static IReadOnlyList<EvaluationQuestion> ReadJsonl(string text) =>
        [.. text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<EvaluationQuestion>(l)!)];

    /// <summary>Rank (1-based) of the first citation containing a gold substring; 0 when none does.</summary>
    public static int RankOf(KnowledgeAnswer answer, EvaluationQuestion question)
    {
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            if (question.Gold.Any(g => answer.Citations[i].Text.Contains(g, StringComparison.Ordinal))) return i + 1;
        }

        return 0;
    }

    public static EvaluationReport Evaluate(KnowledgeBase knowledge, IEnumerable<EvaluationQuestion> questions)
    {
        var all = questions.Select(q => (Question: q, Answer: knowledge.Ask(q.Question))).ToList();
        static bool IsUnanswerable(EvaluationQuestion q) => q.Kind == UnanswerableKind || q.Gold.Count == 0;
        var unanswerable = all.Where(r => IsUnanswerable(r.Question)).ToList();
        var results = all.Where(r => !IsUnanswerable(r.Question))
            .Select(r => (r.Question, Rank: RankOf(r.Answer, r.Question), r.Answer)).ToList();
        static (int, double, double, double) Score(IReadOnlyCollection<(EvaluationQuestion Question, int Rank, KnowledgeAnswer Answer)> set) => set.Count == 0
            ? (0, 0, 0, 0)
            : (set.Count,
               set.Count(r => r.Rank == 1) / (double)set.Count,
               set.Count(r => r.Rank is >= 1 and <= 3) / (double)set.Count,
               set.Sum(r => r.Rank > 0 ? 1.0 / r.Rank : 0) / set.Count);
        var (count, r1, r3, mrr) = Score(results);
        var perKind = results.GroupBy(r => r.Question.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Score([.. g]));
        var refused = results.Count == 0 ? 0 : results.Count(r => !r.Answer.Covered) / (double)results.Count;
        var answered = unanswerable.Where(r => r.Answer.Covered).ToList();
        return new EvaluationReport(count, r1, r3, mrr, refused, perKind, results)
        {
            UnanswerableCount = unanswerable.Count,
            UnanswerableRecognised = unanswerable.Count == 0 ? 1 : 1 - answered.Count / (double)unanswerable.Count,
            UnanswerableAnswered = answered,
            Unanswerable = [.. unanswerable.Select(r => (r.Question, r.Answer))],
        };
    }
}
