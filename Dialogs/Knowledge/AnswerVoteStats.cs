namespace OrganBot.Dialogs.Knowledge;

/// <summary>Vote totals and the most rated answers (least helpful first).</summary>
public sealed record AnswerVoteStats(int Up, int Down, int Answers, IReadOnlyList<(string Label, string Question, int Up, int Down)> Rated);
