namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// The few weights of the ranking, chosen by a grid search on the tuning split (<c>tune-qa</c> prints it; dev and the
/// held-out-like set are printed beside it so a choice that only fits the tuning split shows).
/// </summary>
public sealed record RankingWeights
{
    /// <summary>The weights the bot uses.</summary>
    public static RankingWeights Default { get; } = new();

    /// <summary>Part and point headings (a point's first sentence) against body sentences.</summary>
    public double HeadingWeight { get; init; } = 1.2;

    /// <summary>Share of its point heading's score a sentence inherits.</summary>
    public double PointHeadingWeight { get; init; } = 0.3;

    /// <summary>Share of its part heading's score a sentence inherits.</summary>
    public double PartHeadingWeight { get; init; } = 0.2;

    /// <summary>Share of its best neighbour's score a sentence inherits.</summary>
    public double NeighbourWeight { get; init; } = 0.15;

    /// <summary>Coordination: the score is multiplied by 1 - w + w × the share of the query's bigram weight the sentence holds.</summary>
    public double CoordinationWeight { get; init; } = 0.3;

    /// <summary>Bonus per character of a question run of three or more characters found verbatim in the sentence.</summary>
    public double PhraseBonus { get; init; } = 0.5;

    /// <summary>
    /// Sequential dependence: bonus (× the pair's own idf) for two consecutive content words of the question found
    /// next to each other, in order, in the sentence (two apart at most); half of it out of order.
    /// </summary>
    public double ProximityWeight { get; init; } = 2;

    /// <summary>
    /// Answer type: a question asking what to do (怎么/如何/要不要/how should) multiplies a requirement sentence
    /// (要/必须) by 1 + this, and a quoted principle (…强调，“…”) by 1 - this.
    /// </summary>
    public double ActionCueWeight { get; init; } = 0.1;

    /// <summary>
    /// Weight of the bigrams a thesaurus term adds beyond what the member wrote when the member's word is the speech's
    /// own (大局 → 服务大局 adds 服务, 务大): the member did not ask about them. Aliases the speech never uses
    /// (头等大事 → 重中之重) keep the term's full weight, since the term stands for them.
    /// </summary>
    public double ContextExpansionWeight { get; init; } = 1.0;
}
