namespace OrganBot.Dialogs.Knowledge;

/// <summary>A question turned into weighted index terms plus what it says about the speech's structure.</summary>
public sealed record AnalyzedQuery
{
    public required string Original { get; init; }

    /// <summary>The question normalised (full/half width, traditional → simplified, lower case).</summary>
    public string Normalized { get; init; } = "";

    /// <summary>True when the question is written in English (letters and no Chinese characters).</summary>
    public required bool IsEnglish { get; init; }

    /// <summary>Index term → query weight.</summary>
    public required IReadOnlyDictionary<string, double> Terms { get; init; }

    /// <summary>Speech terms the question reached through the thesaurus or literally.</summary>
    public required IReadOnlyList<string> MatchedTerms { get; init; }

    /// <summary>Content characters (Chinese) or content words (English) of the question.</summary>
    public required int ContentUnits { get; init; }

    /// <summary>How many of them the speech's vocabulary covers (literally or through the thesaurus).</summary>
    public required int CoveredUnits { get; init; }

    /// <summary>The question asks for an enumeration (几点/分别/哪几条/three requirements).</summary>
    public required bool AsksForList { get; init; }

    /// <summary>The question names a part by its topic (思想引领那部分, the part on legislation), not by its number.</summary>
    public bool NamesPartByTopic { get; init; }

    /// <summary>A count the question names (三点要求 → 3); 0 if none.</summary>
    public required int ListCount { get; init; }

    /// <summary>Part the question names (第四部分, part 4); 0 if none.</summary>
    public required int PartReference { get; init; }

    /// <summary>Point the question names (第二点, 二是, point 2); 0 if none.</summary>
    public required int PointReference { get; init; }

    /// <summary>Normalised content segments of length ≥ 3 used for exact-phrase bonuses.</summary>
    public required IReadOnlyList<string> Phrases { get; init; }

    /// <summary>Consecutive content words of the question (speech words, in its order), for the proximity feature.</summary>
    public IReadOnlyList<(string First, string Second)> WordPairs { get; init; } = [];

    /// <summary>The question asks what to do (怎么/如何/要不要/how should), so a requirement answers it.</summary>
    public bool AsksWhatToDo { get; init; }

    public double Coverage => ContentUnits == 0 ? 0 : (double)CoveredUnits / ContentUnits;
}
