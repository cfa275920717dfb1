namespace OrganBot.Cards.Answers;

/// <summary>Vote counts for 问答统计.</summary>
public sealed record AnswerStatsView(int Up, int Down, int Answers, IReadOnlyList<(string Label, string Question, int Up, int Down)> Rated)
{
    /// <summary>The most frequent questions answered 讲话未涉及 and still open in 问答待办.</summary>
    public IReadOnlyList<(string Question, int Count)> Unanswered { get; init; } = [];

    /// <summary>The most asked topics: every question, by the part of the speech its answer came from (or 讲话未涉及).</summary>
    public IReadOnlyList<(string Label, int Asked)> Topics { get; init; } = [];
}
