namespace OrganBot.Dialogs.Knowledge;

/// <summary>A sentence with its retrieval score for one question.</summary>
public sealed record ScoredSentence(SpeechSentence Sentence, double Score);
