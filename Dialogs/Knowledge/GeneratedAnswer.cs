namespace OrganBot.Dialogs.Knowledge;

/// <summary>A short answer written by a language model from numbered passages; <see cref="Citations"/> are 1-based.</summary>
public sealed record GeneratedAnswer(string Text, IReadOnlyList<int> Citations);
