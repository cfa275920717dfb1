using System.Reflection;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// The speech's own vocabulary with the other ways members say it, in Chinese and English
/// (<c>thesaurus.txt</c>: <c>暖心工程 = 暖心 | warm-heart project | care project</c>). Holds terms, never questions.
/// </summary>
public sealed class Thesaurus
{
    private readonly List<(string Variant, string Term)> _chineseVariants;
    private readonly Dictionary<string, List<(string[] Words, string Term)>> _englishByFirstWord;
    private readonly Dictionary<string, string> _englishLabel;
    private readonly HashSet<string> _englishWords;

    /// <summary>True when an English variant uses the (stemmed) word.</summary>
    public bool KnowsEnglishWord(string word) => _englishWords.Contains(word);

    private Thesaurus(IReadOnlyList<ThesaurusEntry> entries)
    {
        Entries = entries;
        _chineseVariants = [.. entries
            .SelectMany(e => e.Variants.Where(v => !IsEnglish(v)).Select(v => (Variant: TextNormalizer.Normalize(v), e.Term)))
            .OrderByDescending(v => v.Variant.Length).ThenBy(v => v.Variant, StringComparer.Ordinal)];
        _englishByFirstWord = [];
        _englishLabel = [];
        foreach (var entry in entries)
        {
            foreach (var variant in entry.Variants.Where(IsEnglish))
            {
                var words = EnglishWords(variant).ToArray();
                if (words.Length == 0) continue;
                if (!_englishByFirstWord.TryGetValue(words[0], out var list)) _englishByFirstWord[words[0]] = list = [];
                list.Add((words, entry.Term));
                _englishLabel.TryAdd(entry.Term, variant);
            }
        }

        _englishWords = [.. _englishByFirstWord.Values.SelectMany(l => l).SelectMany(p => p.Words)];
        foreach (var list in _englishByFirstWord.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    public IReadOnlyList<ThesaurusEntry> Entries { get; }

    /// <summary>The thesaurus shipped with the bot (embedded <c>thesaurus.txt</c>).</summary>
    public static Thesaurus LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OrganBot.Dialogs.Knowledge.thesaurus.txt")
            ?? throw new InvalidOperationException("thesaurus.txt is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static Thesaurus Parse(string text)
    {
        var entries = new List<ThesaurusEntry>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var term = line[..eq].Trim();
            var variants = line[(eq + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            entries.Add(new ThesaurusEntry(term, variants));
        }

        return new Thesaurus(entries);
    }

    /// <summary>English rendering of a speech term (its first English variant), or null.</summary>
    public string? EnglishFor(string term) => _englishLabel.TryGetValue(term, out var label) ? label : null;

    /// <summary>
    /// Speech terms whose Chinese variants occur in the normalised query, longest variants first, without overlaps;
    /// a variant listed under several terms yields each of them at the same position.
    /// </summary>
    public IEnumerable<(int At, string Variant, string Term)> MatchChinese(string normalizedQuery)
    {
        var taken = new bool[normalizedQuery.Length];
        var claimed = new Dictionary<string, int>();
        foreach (var (variant, term) in _chineseVariants)
        {
            if (claimed.TryGetValue(variant, out var position))
            {
                yield return (position, variant, term);
                continue;
            }

            var at = normalizedQuery.IndexOf(variant, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (!taken.AsSpan(at, variant.Length).Contains(true))
                {
                    taken.AsSpan(at, variant.Length).Fill(true);
                    claimed[variant] = at;
                    yield return (at, variant, term);
                    break;
                }

                at = normalizedQuery.IndexOf(variant, at + 1, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Matches English phrases (longest first) in a list of stemmed words; marks matched word positions.</summary>
    public IEnumerable<string> MatchEnglish(IReadOnlyList<string> words, bool[] matched) => MatchEnglishAt(words, matched).Select(m => m.Term);

    /// <summary>As <see cref="MatchEnglish"/>, with the position of the first word of each match.</summary>
    public IEnumerable<(int At, string Term)> MatchEnglishAt(IReadOnlyList<string> words, bool[] matched)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!_englishByFirstWord.TryGetValue(words[i], out var candidates)) continue;
            // Longest phrase first; a phrase listed under several terms yields each of them.
            string[]? found = null;
            foreach (var (phrase, term) in candidates)
            {
                if (found is not null)
                {
                    if (phrase.Length < found.Length) break;
                    if (phrase.AsSpan().SequenceEqual(found)) yield return (i, term);
                    continue;
                }

                if (i + phrase.Length > words.Count) continue;
                var ok = true;
                for (var j = 0; j < phrase.Length && ok; j++) ok = words[i + j] == phrase[j];
                if (!ok) continue;
                for (var j = 0; j < phrase.Length; j++) matched[i + j] = true;
                found = phrase;
                yield return (i, term);
            }

            if (found is not null) i += found.Length - 1;
        }
    }

    public static bool IsEnglish(string text) => text.Any(char.IsAsciiLetter) && !text.Any(TextNormalizer.IsCjk);

    /// <summary>Lower-case words with a light stemming (plural s, possessive), hyphens as spaces.</summary>
    public static IEnumerable<string> EnglishWords(string text)
    {
        var word = new System.Text.StringBuilder();
        foreach (var raw in text + " ")
        {
            var c = TextNormalizer.Fold(raw);
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (c == '\'' && word.Length > 0)
            {
                continue;
            }

            if (word.Length > 0)
            {
                yield return Stem(word.ToString());
                word.Clear();
            }
        }
    }

    private static string Stem(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.Length > 4 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))) return word[..^2];
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)) return word[..^1];
        return word;
    }
}
