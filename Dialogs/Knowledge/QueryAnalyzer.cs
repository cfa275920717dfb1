using System.Text.RegularExpressions;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// Turns a question (Chinese or English) into weighted character n-gram terms: normalisation, structural references
/// (第四部分, 二是, part 4), list intent, thesaurus expansion and question-word removal.
/// </summary>
public sealed partial class QueryAnalyzer(Thesaurus thesaurus, ISet<string> speechBigrams, ISet<char> speechChars, Lexicon lexicon, IReadOnlySet<string> speechWords)
{
    public const double UnigramWeight = 0.2;

    /// <summary>Weight of a question bigram the speech lacks that straddles a word boundary or holds a function character (<see cref="AddRunTerms"/>).</summary>
    public const double StraddleWeight = 0.3;

    /// <summary>Weight of a speech word reached through a 同义词词林 synonym (the member's own word scores 1).</summary>
    public const double SynonymWeight = 0.5;

    /// <summary>Weight of a speech word reached through the CC-CEDICT English table, shared among its translations.</summary>
    public const double EnglishTableWeight = 0.8;

    /// <summary>Prefix of a question term the speech cannot hold (an English word no dictionary maps): it only lowers confidence.</summary>
    public const char UnknownPrefix = '?';

    public QueryAnalyzer(Thesaurus thesaurus, ISet<string> speechBigrams, ISet<char> speechChars)
        : this(thesaurus, speechBigrams, speechChars, Lexicon.None, new HashSet<string>())
    {
    }

    /// <summary>The weights that shape analysis (<see cref="RankingWeights.ContextExpansionWeight"/>); set with the index's.</summary>
    public RankingWeights Weights { get; set; } = RankingWeights.Default;

    /// <summary>A question about what to do: how / whether / what one should (the answer is a requirement).</summary>
    [GeneratedRegex(@"怎么(?!回事|样了)|咋(?!样)|如何|怎样|要不要|该不该|应该|应当|该怎|(?:要|得)(?:干|做|搞|抓)(?:什么|啥)|干嘛|要[^，。？?]*[吗么]|\bhow (?:should|can|do|to|must|could|will)\b|\bwhat (?:should|must|do|does)\b[^?]*\b(?:do|need)\b|\bwhat should\b|\bwhat must\b")]
    private static partial Regex WhatToDoPattern();

    /// <summary>Number of numbered parts, so “最后一部分” / “the last part” names the last one.</summary>
    public int PartCount { get; init; }

    [GeneratedRegex(@"最后(?:一个?|那个?)?(?:部分|段|大部分)|\b(?:last|final) (?:part|section)\b")]
    private static partial Regex LastPartPattern();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Gram, double Weight, bool Context)[]> _termGrams = new(StringComparer.Ordinal);

    // Question words and filler that say nothing about the content; longest first.
    private static readonly string[] s_stopPhrases =
    [
        "请问一下", "请问", "请教", "一共", "总共", "这篇讲话", "这次讲话", "本次讲话", "讲话中", "讲话里", "讲话", "里面", "当中",
        "提到了", "提到", "提出了", "提出", "提了", "说了", "讲了", "谈到", "谈了", "关于", "有关", "说的是", "说什么", "讲什么",
        "为什么", "是什么", "什么样子", "啥样子", "什么样", "啥样", "怎么弄", "咋弄", "怎么搞", "咋搞", "什么", "怎么样", "怎么办", "怎么", "怎样", "如何", "哪些", "哪几个", "哪几", "哪个", "哪里", "哪儿",
        "是不是", "有没有", "会不会", "能不能", "要不要", "是啥", "干啥", "有啥", "做啥", "多少", "一下", "可以", "应该", "需要",
        "具体", "主要", "到底", "究竟", "大概", "一般", "我们", "咱们", "大家", "我", "你", "这个", "那个", "这块", "这些", "那些",
        "这", "那", "啥", "吗", "呢", "吧", "呀", "的", "了", "么", "咋", "嘛", "啊", "哦",
    ];

    // Single characters that carry no content on their own; they don't count for coverage.
    private const string FunctionChars = "是有要和与及在对把被这那该都也就还个些们得地着过又很去来到让给从向跟于其之并或等为样";

    private static readonly HashSet<string> s_englishStopWords =
    [
        "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "by", "from", "at", "as", "about", "into",
        "what", "which", "thi", "was", "has", "who", "whom", "whose", "how", "why", "when", "where", "do", "doe", "did", "done", "is", "are", "wa", "were", "be",
        "been", "being", "it", "it", "its", "this", "that", "these", "those", "there", "their", "they", "them", "we", "our", "u",
        "i", "me", "my", "you", "your", "he", "she", "his", "her", "speech", "say", "said", "talk", "mention", "mentioned",
        "describe", "described", "tell", "please", "give", "can", "could", "would", "will", "should", "shall", "must", "may",
        "might", "any", "some", "all", "according", "regarding", "concerning", "should", "need", "needs", "want", "like",
        "leader", "does", "have", "ha", "had", "get", "make", "made", "list", "name", "mean", "do", "draw", "so", "then",
        "than", "also", "very", "more", "most", "much", "many", "one", "two", "three", "four", "five", "point", "part",
        "requirement", "require", "required", "asked", "ask", "expected", "expect", "thing", "way", "role", "our", "us",
    ];

    private static readonly string[] s_englishNumbers = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    [GeneratedRegex(@"第([一二三四五六七八九十\d])大?部分|^([一二三四五六七八九十])、|第([一二三四五六七八九十\d])(?:大)?(?:段|章|节)")]
    private static partial Regex PartReferencePattern();

    [GeneratedRegex(@"第([一二三四五六七八九十\d])(?:点|条|项|个方面)|([一二三四五六七八九十])是|(另一方面|一方面)")]
    private static partial Regex PointReferencePattern();

    [GeneratedRegex(@"哪几点|哪几条|几条|哪几个方面|几个方面|哪几方面|分别|哪几项|几项|哪几部分|几部分|几大部分|(?<!第)([两二三四五六七八九十2-9])(?:点意见|点要求|条要求|条意见|个方面|项要求|项任务|部分|大部分|点|条)")]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"\b(one|two|three|four|five|2|3|4|5)\s+(points|requirements|parts|aspects|tasks|opinions|things|areas|demands|sources|ways)\b|\blist\b|\bwhat are the (points|requirements|parts)\b(?!\s+(?:for|on|about|regarding|concerning|of (?!part|the speech|this speech)))")]
    private static partial Regex EnglishListPattern();

    /// <summary>A part named by its topic rather than its number: 思想引领那部分, 群团这块, the part on legislation.</summary>
    [GeneratedRegex(@"(?:那|这|哪)一?个?(?:部分|板块|块|段)|大?部分")]
    private static partial Regex TopicPartPattern();

    [GeneratedRegex(@"\b(?:part|section)s? (?:on|about|of the speech on|dealing with|that (?:talks|deals|is) about)\b")]
    private static partial Regex EnglishTopicPartPattern();

    [GeneratedRegex(@"\b(?:part|section)\s+(\d|one|two|three|four|five)\b")]
    private static partial Regex EnglishPartPattern();

    [GeneratedRegex(@"\bpoint\s+(\d|one|two|three|four|five)\b")]
    private static partial Regex EnglishPointPattern();

    public AnalyzedQuery Analyze(string question)
    {
        var normalized = TextNormalizer.Normalize(question.Trim());
        return Thesaurus.IsEnglish(normalized) ? AnalyzeEnglish(question, normalized) : AnalyzeChinese(question, normalized);
    }

    private AnalyzedQuery AnalyzeChinese(string original, string text)
    {
        var terms = new Dictionary<string, double>();
        var matched = new List<string>();

        var part = 0;
        var point = 0;
        if (PartReferencePattern().Match(text) is { Success: true } partMatch)
        {
            part = TextNormalizer.ParseNumber(First(partMatch));
        }
        else if (LastPartPattern().IsMatch(text))
        {
            part = PartCount;
            text = LastPartPattern().Replace(text, "|");
        }

        if (PointReferencePattern().Match(text) is { Success: true } pointMatch)
        {
            var value = First(pointMatch);
            point = value == "一方面" ? 1 : value == "另一方面" ? 2 : TextNormalizer.ParseNumber(value);
        }

        var listMatch = ListPattern().Match(text);
        var asksForList = listMatch.Success;
        var listCount = listMatch.Success && listMatch.Groups[1].Success ? TextNormalizer.ParseNumber(listMatch.Groups[1].Value) : 0;

        // Structural references and list words are handled as structure, not as text to match.
        var content = PartReferencePattern().Replace(text, "|");
        content = PointReferencePattern().Replace(content, "|");
        content = ListPattern().Replace(content, "|");
        var namesPart = TopicPartPattern().IsMatch(content);
        content = TopicPartPattern().Replace(content, "|");

        // English words inside a Chinese question (“党建和业务怎么integrate”) go through the same English dictionaries.
        if (text.Any(char.IsAsciiLetter))
        {
            var english = Thesaurus.EnglishWords(new string([.. text.Select(c => char.IsAsciiLetter(c) ? c : ' ')])).Select(KnownForm).ToList();
            var englishMatched = new bool[english.Count];
            foreach (var term in thesaurus.MatchEnglish(english, englishMatched).Distinct().ToList())
            {
                AddTermGrams(terms, term);
                matched.Add(term);
            }

            AddEnglishTable(terms, matched, english, englishMatched);
        }

        var covered = new bool[content.Length];
        var chars = content.ToCharArray();
        var phrases = new List<string>();
        var aliasUnits = 0;
        var sequence = new List<(int At, string Word)>();
        foreach (var (at, variant, term) in thesaurus.MatchChinese(content))
        {
            var alias = !speechBigrams.Contains(variant.Length >= 2 ? variant[..2] : variant);
            AddTermGrams(terms, term, alias ? null : variant);
            matched.Add(term);
            if (alias && term.Length >= 2) sequence.Add((at, Compact(term)));
            phrases.Add(Compact(term));
            covered.AsSpan(at, variant.Length).Fill(true);

            // A variant the speech never uses is only an alias: the term stands for it.
            if (alias)
            {
                for (var i = at; i < at + variant.Length; i++)
                {
                    if (chars[i] == '|') continue;
                    if (TextNormalizer.IsCjk(chars[i]) && !FunctionChars.Contains(chars[i])) aliasUnits++;
                    chars[i] = '|';
                }
            }
        }

        foreach (var stop in s_stopPhrases)
        {
            var at = content.IndexOf(stop, StringComparison.Ordinal);
            while (at >= 0)
            {
                for (var i = at; i < at + stop.Length; i++) chars[i] = '|';
                at = content.IndexOf(stop, at + stop.Length, StringComparison.Ordinal);
            }
        }

        var contentUnits = aliasUnits;
        var coveredUnits = aliasUnits;
        foreach (var (start, length) in CjkRuns(chars))
        {
            var run = new string(chars, start, length);
            AddRunTerms(terms, run);
            if (length >= 3) phrases.Add(run);
            AddWords(terms, matched, run, start, covered);
            AddSequence(sequence, run, start);
            for (var i = 0; i < length; i++)
            {
                var c = run[i];
                if (FunctionChars.Contains(c)) continue;
                contentUnits++;
                var literal = (i > 0 && speechBigrams.Contains(run.Substring(i - 1, 2)))
                    || (i + 1 < length && speechBigrams.Contains(run.Substring(i, 2)))
                    || (length == 1 && speechChars.Contains(c));
                if (literal || covered[start + i]) coveredUnits++;
            }
        }

        foreach (var phrase in phrases.Where(p => speechBigrams.Contains(p[..2]))) matched.Add(phrase);
        sequence.Sort((a, b) => a.At.CompareTo(b.At));
        var pairs = new List<(string, string)>();
        for (var i = 1; i < sequence.Count; i++)
        {
            // Each word with the next and the one after (a word of the member's may stand between two of the speech's).
            for (var j = Math.Max(0, i - 2); j < i; j++)
            {
                if (sequence[i].Word != sequence[j].Word && !pairs.Contains((sequence[j].Word, sequence[i].Word))) pairs.Add((sequence[j].Word, sequence[i].Word));
            }
        }

        return new AnalyzedQuery
        {
            Original = original,
            Normalized = text,
            IsEnglish = false,
            Terms = terms,
            MatchedTerms = matched,
            ContentUnits = contentUnits,
            CoveredUnits = coveredUnits,
            AsksForList = asksForList,
            NamesPartByTopic = namesPart,
            ListCount = listCount,
            PartReference = part,
            PointReference = point,
            Phrases = phrases,
            WordPairs = pairs,
            AsksWhatToDo = WhatToDoPattern().IsMatch(text),
        };
    }

    /// <summary>
    /// Pairs of the speech words that neighbouring English words (next or one after) translate to, each pair in both
    /// orders: English puts words in another order than the speech (management of branches → 支部管理).
    /// </summary>
    private static List<(string, string)> EnglishPairs(List<(int At, string Word)> sequence)
    {
        var byPosition = sequence.GroupBy(s => s.At).OrderBy(g => g.Key).Select(g => (At: g.Key, Words: g.Select(s => s.Word).Distinct().Take(3).ToList())).ToList();
        var pairs = new List<(string, string)>();
        for (var i = 1; i < byPosition.Count; i++)
        {
            for (var j = Math.Max(0, i - 2); j < i; j++)
            {
                if (byPosition[i].At - byPosition[j].At > 3) continue;
                foreach (var first in byPosition[j].Words)
                {
                    foreach (var second in byPosition[i].Words)
                    {
                        if (first == second || pairs.Contains((first, second))) continue;
                        pairs.Add((first, second));
                        pairs.Add((second, first));
                    }
                }
            }
        }

        return pairs;
    }

    /// <summary>The speech words of a content run with their positions in the question, for <see cref="AnalyzedQuery.WordPairs"/>.</summary>
    private void AddSequence(List<(int At, string Word)> sequence, string run, int start)
    {
        if (lexicon.Tokens(run) is not { } tokens) return;
        for (var t = 0; t < tokens.Length; t++)
        {
            var end = t + 1 < tokens.Length ? tokens[t + 1].Start : run.Length;
            var word = run[tokens[t].Start..end];
            if (tokens[t].IsWord && speechWords.Contains(word)) sequence.Add((start + tokens[t].Start, word));
        }
    }

    /// <summary>
    /// The character terms of a question run, weighed by what the words around them say. A bigram the speech does not
    /// hold that straddles a word boundary (人大|先, 政治|建设 → 治建) or holds a function character (也要, 团要) is an
    /// accident of the wording, not something the member asked about: it keeps <see cref="StraddleWeight"/>, so it
    /// neither drags the confidence down nor drowns the real words. Any other bigram the speech lacks may be a word the
    /// speech does not use (党费, 食堂) and keeps its full weight against the confidence. 0.3 was chosen on the tuning
    /// split and the held-out-like set (0.2–0.3 answer the same, 0.3 recognises one more uncovered question).
    /// </summary>
    private void AddRunTerms(Dictionary<string, double> terms, string run)
    {
        var normalized = Compact(run);
        if (normalized.Length != run.Length || normalized.Length == 0)
        {
            AddTermText(terms, run, 1.0);
            return;
        }

        var tokens = lexicon.Tokens(run);
        var boundaryAfter = new bool[run.Length];
        var inWord = new bool[run.Length];
        if (tokens is not null)
        {
            for (var t = 0; t < tokens.Length; t++)
            {
                var end = t + 1 < tokens.Length ? tokens[t + 1].Start : run.Length;
                boundaryAfter[end - 1] = true;
                // Only the speech's own words draw boundaries: the filtered dictionary's other words (synonyms) can
                // mis-cut a phrase it does not know (明天天气 → 明|天天|气).
                if (tokens[t].IsWord && speechWords.Contains(run.Substring(tokens[t].Start, end - tokens[t].Start))) inWord.AsSpan(tokens[t].Start, end - tokens[t].Start).Fill(true);
            }
        }

        for (var i = 0; i < run.Length; i++)
        {
            Add(terms, run[i].ToString(), UnigramWeight);
            if (i + 1 == run.Length) continue;
            var bigram = run.Substring(i, 2);
            if (speechBigrams.Contains(bigram))
            {
                Add(terms, bigram, 1.0);
                continue;
            }

            var straddles = (boundaryAfter[i] && (inWord[i] || inWord[i + 1])) || FunctionChars.Contains(run[i]) || FunctionChars.Contains(run[i + 1]);
            if (straddles)
            {
                Add(terms, bigram, StraddleWeight);
                continue;
            }

            Add(terms, bigram, 1.0);
        }
    }

    /// <summary>
    /// Word layer: jieba words of a content run. A speech word adds its word term; any other word with 同义词词林
    /// synonyms among the speech's words adds those at <see cref="SynonymWeight"/> and counts as covered.
    /// </summary>
    private void AddWords(Dictionary<string, double> terms, List<string> matched, string run, int start, bool[] covered)
    {
        foreach (var word in lexicon.Words(run, forSearch: false))
        {
            if (speechWords.Contains(word))
            {
                Add(terms, SpeechIndex.WordPrefix + word, 1.0);
                continue;
            }

            var synonyms = lexicon.SynonymsOf(word);
            if (synonyms.Count == 0) continue;
            // A word with several speech synonyms spreads its weight over them rather than counting several times.
            var weight = SynonymWeight / synonyms.Count;
            foreach (var synonym in synonyms)
            {
                Add(terms, SpeechIndex.WordPrefix + synonym, weight);
                AddTermText(terms, synonym, weight * ThesaurusWeight(synonym));
                matched.Add(synonym);
            }

            var at = run.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0) covered.AsSpan(start + at, word.Length).Fill(true);
        }
    }

    /// <summary>English words the thesaurus missed, looked up in the CC-CEDICT table (longest phrase first).</summary>
    private void AddEnglishTable(Dictionary<string, double> terms, List<string> matched, List<string> words, bool[] matchedPositions, List<(int At, string Word)>? sequence = null)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (matchedPositions[i] || s_englishStopWords.Contains(words[i])) continue;
            for (var length = Math.Min(lexicon.MaxEnglishPhrase, words.Count - i); length >= 1; length--)
            {
                if (matchedPositions.AsSpan(i, length).Contains(true)) continue;
                var chinese = lexicon.ChineseFor(string.Join(' ', words.Skip(i).Take(length)));
                if (chinese.Count == 0) continue;
                var weight = EnglishTableWeight / Math.Sqrt(chinese.Count);
                foreach (var word in chinese)
                {
                    sequence?.Add((i, word));
                    Add(terms, SpeechIndex.WordPrefix + word, weight);
                    AddTermText(terms, word, weight * ThesaurusWeight(word));
                    matched.Add(word);
                }

                matchedPositions.AsSpan(i, length).Fill(true);
                i += length - 1;
                break;
            }
        }

        // What no dictionary reached still counts against confidence: the speech cannot hold it.
        for (var i = 0; i < words.Count; i++)
        {
            if (!matchedPositions[i] && !s_englishStopWords.Contains(words[i]) && words[i].Length > 1) Add(terms, UnknownPrefix + words[i], 1.0);
        }
    }

    /// <summary>
    /// An inflected English word neither dictionary knows, put back into a form one of them does (strengthened →
    /// strengthen, focusing → focus, cared → care, studied → study); the word itself when none matches.
    /// </summary>
    private string KnownForm(string word)
    {
        if (word.Length < 5 || Known(word)) return word;
        foreach (var candidate in Lemmas(word))
        {
            if (Known(candidate)) return candidate;
        }

        return word;
    }

    private bool Known(string word) => thesaurus.KnowsEnglishWord(word) || lexicon.ChineseFor(word).Count > 0;

    private static IEnumerable<string> Lemmas(string word)
    {
        if (word.EndsWith("ied", StringComparison.Ordinal)) yield return word[..^3] + "y";
        foreach (var suffix in (string[])["ed", "ing", "ly"])
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var stem = word[..^suffix.Length];
            yield return stem;
            yield return stem + "e";
            if (stem.Length > 2 && stem[^1] == stem[^2]) yield return stem[..^1];
        }
    }

    private AnalyzedQuery AnalyzeEnglish(string original, string text)
    {
        var terms = new Dictionary<string, double>();
        var words = Thesaurus.EnglishWords(text).Select(KnownForm).ToList();
        var matchedPositions = new bool[words.Count];
        var found = thesaurus.MatchEnglishAt(words, matchedPositions).ToList();
        var matched = found.Select(m => m.Term).Distinct().ToList();
        foreach (var term in matched) AddTermGrams(terms, term);
        var sequence = found.Where(m => m.Term.Length >= 2).Select(m => (m.At, Word: Compact(m.Term))).ToList();
        AddEnglishTable(terms, matched, words, matchedPositions, sequence);

        var listMatch = EnglishListPattern().Match(text);
        var listCount = listMatch.Success && listMatch.Groups[1].Success ? EnglishNumber(listMatch.Groups[1].Value) : 0;
        var part = EnglishPartPattern().Match(text) is { Success: true } p ? EnglishNumber(p.Groups[1].Value) : LastPartPattern().IsMatch(text) ? PartCount : 0;
        var point = EnglishPointPattern().Match(text) is { Success: true } q ? EnglishNumber(q.Groups[1].Value) : 0;

        var contentUnits = 0;
        var coveredUnits = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (matchedPositions[i])
            {
                contentUnits++;
                coveredUnits++;
            }
            else if (!s_englishStopWords.Contains(words[i]) && !(words[i].Length <= 1))
            {
                contentUnits++;
            }
        }

        return new AnalyzedQuery
        {
            Original = original,
            Normalized = text,
            IsEnglish = true,
            Terms = terms,
            MatchedTerms = matched,
            ContentUnits = contentUnits,
            CoveredUnits = coveredUnits,
            AsksForList = listMatch.Success,
            NamesPartByTopic = part == 0 && EnglishTopicPartPattern().IsMatch(text),
            ListCount = listCount,
            PartReference = part,
            PointReference = point,
            Phrases = [],
            WordPairs = EnglishPairs(sequence),
            AsksWhatToDo = WhatToDoPattern().IsMatch(text),
        };
    }

    /// <summary>
    /// Adds a thesaurus term's index terms, computed once per term and variant (the thesaurus does not change). When the
    /// member wrote the speech's own word (<paramref name="literalVariant"/>), the term's other bigrams are context the
    /// member did not ask about and weigh <see cref="RankingWeights.ContextExpansionWeight"/>.
    /// </summary>
    private void AddTermGrams(Dictionary<string, double> terms, string term, string? literalVariant = null)
    {
        var key = literalVariant is null ? term : term + "\u0001" + literalVariant;
        if (!_termGrams.TryGetValue(key, out var grams))
        {
            var built = new Dictionary<string, double>();
            AddTermText(built, term, ThesaurusWeight(term));
            var own = new Dictionary<string, double>();
            if (literalVariant is not null) AddTermText(own, literalVariant, 1);
            grams = [.. built.Select(g => (g.Key, g.Value, literalVariant is not null && !own.ContainsKey(g.Key)))];
            _termGrams.TryAdd(key, grams);
        }

        var context = Weights.ContextExpansionWeight;
        foreach (var (gram, weight, isContext) in grams) Add(terms, gram, isContext ? weight * context : weight);
    }

    /// <summary>Long speech terms would drown the rest of the question; cap each term's total weight at three bigrams.</summary>
    private static double ThesaurusWeight(string term)
    {
        var bigrams = Math.Max(1, term.Count(TextNormalizer.IsCjk) - 1);
        return Math.Min(bigrams, 3) / (double)bigrams;
    }

    /// <summary>Normalised text without the enumeration comma, so 家、站、点 and 家站点 read alike.</summary>
    internal static string Compact(string text) => TextNormalizer.Normalize(text).Replace("、", "", StringComparison.Ordinal);

    /// <summary>Adds the bigrams (full weight) and unigrams (low weight) of every Chinese run of <paramref name="text"/>.</summary>
    internal static void AddTermText(Dictionary<string, double> terms, string text, double weight)
    {
        var normalized = Compact(text).ToCharArray();
        foreach (var (start, length) in CjkRuns(normalized))
        {
            for (var i = start; i < start + length; i++)
            {
                Add(terms, normalized[i].ToString(), weight * UnigramWeight);
                if (i + 1 < start + length) Add(terms, new string(normalized, i, 2), weight);
            }
        }
    }

    private static void Add(Dictionary<string, double> terms, string term, double weight) =>
        terms[term] = Math.Max(terms.GetValueOrDefault(term), weight);

    internal static IEnumerable<(int Start, int Length)> CjkRuns(char[] chars)
    {
        var i = 0;
        while (i < chars.Length)
        {
            if (!TextNormalizer.IsCjk(chars[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < chars.Length && TextNormalizer.IsCjk(chars[i])) i++;
            yield return (start, i - start);
        }
    }

    private static string First(Match match)
    {
        for (var g = 1; g < match.Groups.Count; g++)
        {
            if (match.Groups[g].Success) return match.Groups[g].Value;
        }

        return "";
    }

    private static int EnglishNumber(string value) =>
        int.TryParse(value, out var n) ? n : Array.IndexOf(s_englishNumbers, value);
}
