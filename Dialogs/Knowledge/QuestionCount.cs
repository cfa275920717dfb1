namespace OrganBot.Dialogs.Knowledge;

/// <summary>Questions asked in one month (yyyy-MM, office time) answered from one part (or <see cref="IQuestionTally.NotCovered"/>).</summary>
public sealed record QuestionCount(string Month, int Part, int Count);
