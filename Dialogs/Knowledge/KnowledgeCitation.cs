namespace OrganBot.Dialogs.Knowledge;

/// <summary>A quoted sentence of the speech supporting an answer: where it stands and how well it matched.</summary>
public sealed record KnowledgeCitation(SpeechSentence Sentence, string Label, string Text, double Score);
