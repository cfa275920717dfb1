using System.Text.RegularExpressions;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// Accepts a generated answer only when it cites at least one passage, every citation [n] points at a passage that was
/// actually retrieved, and every quotation in “…” is verbatim from those passages. Otherwise the caller falls back to
/// the extractive answer.
/// </summary>
public static partial class GeneratedAnswerValidator
{
    public const int MaxLength = 800;

    [GeneratedRegex(@"\[(\d{1,2})\]")]
    private static partial Regex CitationPattern();

    [GeneratedRegex(@"“([^”]{2,})”")]
    private static partial Regex QuotationPattern();

    public static GeneratedAnswer? Validate(string? text, IReadOnlyList<KnowledgeCitation> passages)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength) return null;
        var cited = CitationPattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (cited.Count == 0 || cited.Any(n => n < 1 || n > passages.Count)) return null;
        foreach (Match quote in QuotationPattern().Matches(text))
        {
            if (!passages.Any(p => p.Text.Contains(quote.Groups[1].Value, StringComparison.Ordinal))) return null;
        }

        return new GeneratedAnswer(text.Trim(), [.. cited.Distinct().Order()]);
    }
}
