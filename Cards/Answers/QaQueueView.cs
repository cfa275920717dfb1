namespace OrganBot.Cards.Answers;

/// <summary>One question in 问答待办, with the passages an admin can link it to.</summary>
/// <param name="Count">How many open entries (members) share the question.</param>
/// <param name="Candidates">The best sentences for it (id, location label, start of the text), best first.</param>
public sealed record QaQueueView(long Id, string Question, string Reason, int Count, IReadOnlyList<(string SentenceId, string Label, string Text)> Candidates);
