namespace OrganBot.Cards.Answers;

/// <summary>One part of the speech for the 讲话要点 cards: its label, heading and requirements (要/必须 sentences).</summary>
public sealed record KeyPointsView(int Number, string Label, string Heading, IReadOnlyList<(string Label, string Text)> Requirements, IReadOnlyList<string> PartText);
