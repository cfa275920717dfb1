namespace OrganBot.Dialogs.Knowledge;

/// <summary>The opening (number 0) or one of the numbered parts of the speech.</summary>
public sealed record SpeechPart
{
    public required int Number { get; init; }

    /// <summary>The heading line as written, e.g. “四、压实组织领导，在推动党的建设上强基础、提质效”; empty for the opening.</summary>
    public required string Heading { get; init; }

    /// <summary>The heading up to its first comma: 压实组织领导.</summary>
    public required string ShortTitle { get; init; }

    public required IReadOnlyList<SpeechPoint> Points { get; init; }

    /// <summary>Sentence index range (inclusive), heading included.</summary>
    public required int FirstSentence { get; init; }

    public required int LastSentence { get; init; }
}
