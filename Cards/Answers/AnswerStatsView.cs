namespace OrganBot.Cards.Answers;

/// <summary>Vote counts for 问答统计.</summary>
public sealed record AnswerStatsView(int Up, int Down, int Answers, IReadOnlyList<(string Label, string Question, int Up, int Down)> Rated);
