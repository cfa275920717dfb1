namespace OrganBot.Dialogs.Knowledge;

/// <summary>A point of a part: 一是/二是/三是 or 一方面/另一方面.</summary>
public sealed record SpeechPoint
{
    /// <summary>1-based number within its part.</summary>
    public required int Number { get; init; }

    /// <summary>The marker as written: 二是, 另一方面.</summary>
    public required string Marker { get; init; }

    /// <summary>Short title when the point sentence is a slogan (夯实基层基础); empty otherwise.</summary>
    public required string Title { get; init; }

    public required int FirstSentence { get; init; }

    public required int LastSentence { get; init; }
}
