namespace OrganBot.Dialogs.Knowledge;

/// <summary>A term as the speech writes it, and the other ways members say it.</summary>
public sealed record ThesaurusEntry(string Term, IReadOnlyList<string> Variants);
