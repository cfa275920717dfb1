namespace OrganBot.Dialogs.Knowledge;

/// <summary>A member's 👍 (true) or 👎 (false) on one answer; one vote per member per answer, the latest wins.</summary>
public sealed record AnswerVote(string AnswerId, string UserKey, string Question, string Label, bool IsHelpful, DateTimeOffset At);
