using System.Reflection;
using JiebaNet.Segmenter;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// Word-level resources, all filtered to the speech's vocabulary ahead of time (<c>qa-resources</c> and
/// tools/node/cedict-table.mjs): jieba.NET with a small dictionary (speech words and their synonyms), the extended
/// 同义词词林 synonyms pointing at speech words, and the CC-CEDICT English → speech word table.
/// </summary>
public sealed class Lexicon
{
    /// <summary>Folder (under the app's base directory) holding the filtered jieba dictionary as <c>dict.txt</c>.</summary>
    public const string JiebaFolder = "Knowledge/jieba";

    private static readonly Lock s_jiebaLock = new();
    private static JiebaSegmenter? s_segmenter;

    private readonly JiebaSegmenter? _segmenter;
    private readonly Dictionary<string, string[]> _synonyms;
    private readonly Dictionary<string, string[]> _english;

    private Lexicon(JiebaSegmenter? segmenter, Dictionary<string, string[]> synonyms, Dictionary<string, string[]> english)
    {
        _segmenter = segmenter;
        _synonyms = synonyms;
        _english = english;
        MaxEnglishPhrase = english.Count == 0 ? 0 : english.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    /// <summary>Characters only: no word segmentation, no synonyms, no English table (the engine before these resources).</summary>
    public static Lexicon None { get; } = new(null, [], []);

    /// <summary>Longest English phrase in the table, in words.</summary>
    public int MaxEnglishPhrase { get; }

    /// <summary>
    /// Loads the resources: jieba's filtered dictionary from <paramref name="baseDirectory"/>/Knowledge/jieba (jieba.NET
    /// keeps one dictionary per process, so the first caller's folder wins), the synonyms and the English table embedded.
    /// </summary>
    public static Lexicon Load(string baseDirectory)
    {
        var jiebaDirectory = Path.Combine(baseDirectory, JiebaFolder);
        JiebaSegmenter? segmenter = null;
        if (File.Exists(Path.Combine(jiebaDirectory, "dict.txt")))
        {
            lock (s_jiebaLock)
            {
                if (s_segmenter is null)
                {
                    ConfigManager.ConfigFileBaseDir = jiebaDirectory;
                    s_segmenter = new JiebaSegmenter();
                    _ = s_segmenter.Cut("预热", hmm: false).ToList();
                }

                segmenter = s_segmenter;
            }
        }

        return new Lexicon(segmenter, ParseTable(Embedded("synonyms.txt"), '=', '|'), ParseEnglish(Embedded("cedict-en.txt")));
    }

    /// <summary>
    /// Words (two or more Chinese characters) of a normalised Chinese run. The speech is cut for search (long words
    /// and the words inside them); a question is cut once, so overlapping pieces (明天天气 → 天天) never appear.
    /// </summary>
    public IEnumerable<string> Words(string run, bool forSearch)
    {
        if (_segmenter is null || run.Length < 2) yield break;
        foreach (var word in forSearch ? _segmenter.CutForSearch(run, hmm: false) : _segmenter.Cut(run, hmm: false))
        {
            if (word.Length >= 2 && word.All(TextNormalizer.IsCjk)) yield return word;
        }
    }

    /// <summary>
    /// Start offsets of the tokens of a normalised Chinese run as the question is cut (single characters included), and
    /// whether each token is a dictionary word of two or more characters; null without a segmenter.
    /// </summary>
    public (int Start, bool IsWord)[]? Tokens(string run)
    {
        if (_segmenter is null || run.Length < 2) return null;
        var tokens = new List<(int, bool)>();
        var at = 0;
        foreach (var token in _segmenter.Cut(run, hmm: false))
        {
            tokens.Add((at, token.Length >= 2));
            at += token.Length;
        }

        return [.. tokens];
    }

    /// <summary>Speech words a word is a synonym of (extended 同义词词林); empty if none.</summary>
    public IReadOnlyList<string> SynonymsOf(string word) => _synonyms.TryGetValue(word, out var terms) ? terms : [];

    /// <summary>Speech words an English phrase (stemmed words joined by spaces) translates to (CC-CEDICT); empty if none.</summary>
    public IReadOnlyList<string> ChineseFor(string englishPhrase) => _english.TryGetValue(englishPhrase, out var terms) ? terms : [];

    private static string Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OrganBot.Dialogs.Knowledge." + name)
            ?? throw new InvalidOperationException(name + " is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary><c>speech word = variant | variant</c> → variant → speech words.</summary>
    private static Dictionary<string, string[]> ParseTable(string text, char separator, char listSeparator)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var at = line.IndexOf(separator);
            if (line.StartsWith('#') || at <= 0) continue;
            var term = line[..at].Trim();
            foreach (var variant in line[(at + 1)..].Split(listSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!map.TryGetValue(variant, out var list)) map[variant] = list = [];
                list.Add(term);
            }
        }

        return map.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary><c>english phrase TAB word|word</c>, keys stemmed as questions are.</summary>
    private static Dictionary<string, string[]> ParseEnglish(string text)
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var tab = raw.IndexOf('\t');
            if (raw.StartsWith('#') || tab <= 0) continue;
            var key = string.Join(' ', Thesaurus.EnglishWords(raw[..tab]));
            var words = raw[(tab + 1)..].Trim().Split('|', StringSplitOptions.RemoveEmptyEntries);
            map[key] = map.TryGetValue(key, out var existing) ? [.. existing.Union(words)] : words;
        }

        return map;
    }
}
