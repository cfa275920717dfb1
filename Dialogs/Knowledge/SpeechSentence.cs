namespace OrganBot.Dialogs.Knowledge;

public enum SentenceKind
{
    /// <summary>A numbered part heading such as “四、压实组织领导，…”.</summary>
    PartHeading,

    /// <summary>The sentence that opens a point (一是…, 一方面…).</summary>
    PointHeading,

    /// <summary>Any other sentence.</summary>
    Body,
}

/// <summary>One retrievable unit of the speech: a sentence (or a clause ended by ；), verbatim.</summary>
public sealed record SpeechSentence
{
    /// <summary>Position in the whole speech, 0-based.</summary>
    public required int Index { get; init; }

    /// <summary>Stable id used in card data, e.g. <c>s42</c>.</summary>
    public string Id => "s" + Index;

    public required string Text { get; init; }

    public required SentenceKind Kind { get; init; }

    /// <summary>0 for the opening, 1…5 for the numbered parts.</summary>
    public required int Part { get; init; }

    /// <summary>1-based point within the part; 0 before the first point.</summary>
    public required int Point { get; init; }

    /// <summary>True for 要/必须 sentences: the requirements list.</summary>
    public bool IsRequirement => Text.Contains('要') || Text.Contains("必须", StringComparison.Ordinal);
}
