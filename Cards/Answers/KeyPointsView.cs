namespace OrganBot.Cards.Answers;

/// <summary>
/// One part of the speech for the 讲话要点 cards: its label and heading, the requirements before its first point, its
/// points, and the whole part for 查看原文.
/// </summary>
public sealed record KeyPointsView(int Number, string Label, string Heading, IReadOnlyList<string> Opening, IReadOnlyList<KeyPointView> Points, IReadOnlyList<string> PartText);

/// <summary>
/// A point of a part: its heading as written (一是必须压紧责任链条。), its English topic (null when there is none) and
/// the requirements under it, verbatim, the heading itself not counted.
/// </summary>
public sealed record KeyPointView(int Number, string Heading, string? Topic, IReadOnlyList<string> Requirements);
