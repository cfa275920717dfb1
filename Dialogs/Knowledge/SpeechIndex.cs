namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// BM25 over character unigrams and bigrams of every sentence, combined with the speech's structure: the point
/// heading and part heading a sentence belongs to, its neighbours, and parts or points the question names.
/// </summary>
public sealed class SpeechIndex
{
    private const double K1 = 1.2;
    private const double B = 0.5;

    /// <summary>How far apart (characters between them) two question words may stand in a sentence to count as near.</summary>
    private const int ProximityGap = 2;

    /// <summary>Prefix of word terms (jieba words), so a two-character word and the same bigram stay separate terms.</summary>
    public const char WordPrefix = '~';

    // Copy-on-write: learned phrasings replace a sentence's dictionary (and the idf table) while queries read them.
    private readonly Dictionary<string, int>[] _termFrequencies;
    private readonly int[] _lengths;
    private readonly string[] _normalized;
    private readonly Lock _learning = new();
    private Dictionary<string, double> _idf = [];
    private readonly double _averageLength;
    private readonly bool[] _requirement;
    private readonly bool[] _quote;

    public SpeechIndex(SpeechDocument document, Thesaurus thesaurus)
        : this(document, thesaurus, Lexicon.None)
    {
    }

    public SpeechIndex(SpeechDocument document, Thesaurus thesaurus, Lexicon lexicon)
    {
        Document = document;
        Thesaurus = thesaurus;
        var sentences = document.Sentences;
        _termFrequencies = new Dictionary<string, int>[sentences.Count];
        _lengths = new int[sentences.Count];
        _normalized = new string[sentences.Count];
        var documentFrequency = new Dictionary<string, int>();
        var bigrams = new HashSet<string>();
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sentences.Count; i++)
        {
            var normalized = QueryAnalyzer.Compact(sentences[i].Text);
            _normalized[i] = normalized;
            var tf = new Dictionary<string, int>();
            foreach (var (start, length) in QueryAnalyzer.CjkRuns(normalized.ToCharArray()))
            {
                for (var j = start; j < start + length; j++)
                {
                    Count(tf, normalized[j].ToString());
                    if (j + 1 < start + length)
                    {
                        var bigram = normalized.Substring(j, 2);
                        Count(tf, bigram);
                        bigrams.Add(bigram);
                    }
                }

                _lengths[i] += length;
                foreach (var word in lexicon.Words(normalized.Substring(start, length), forSearch: true))
                {
                    Count(tf, WordPrefix + word);
                    words.Add(word);
                }
            }

            _termFrequencies[i] = tf;
            foreach (var term in tf.Keys) documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }

        _requirement = [.. sentences.Select(s => IsRequirement(s.Text, lexicon))];
        _quote = [.. sentences.Select(s => IsQuote(s.Text))];
        _averageLength = _lengths.Average();
        var n = sentences.Count;
        foreach (var (term, df) in documentFrequency) _idf[term] = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
        Bigrams = bigrams;
        Words = words;
        Analyzer = new QueryAnalyzer(thesaurus, bigrams, _normalized.SelectMany(t => t).Where(TextNormalizer.IsCjk).ToHashSet(), lexicon, words)
        {
            PartCount = document.NumberedParts.Count(),
        };
    }

    /// <summary>The ranking's weights; <c>tune-qa</c> tries others on its own instance.</summary>
    public RankingWeights Weights
    {
        get => _weights;
        set
        {
            _weights = value;
            Analyzer.Weights = value;
        }
    }

    private RankingWeights _weights = RankingWeights.Default;

    /// <summary>
    /// A sentence that states what to do: the modal 要 or 必须 as a word of its own (要始终把…, 也要, 必须坚持), not
    /// inside another word (重要, 要求, 需要). Without a segmenter, any 要/必须.
    /// </summary>
    internal static bool IsRequirement(string text, Lexicon lexicon)
    {
        var normalized = QueryAnalyzer.Compact(text);
        foreach (var (start, length) in QueryAnalyzer.CjkRuns(normalized.ToCharArray()))
        {
            var run = normalized.Substring(start, length);
            if (lexicon.Tokens(run) is not { } tokens) return text.Contains('要') || text.Contains("必须", StringComparison.Ordinal);
            for (var t = 0; t < tokens.Length; t++)
            {
                var end = t + 1 < tokens.Length ? tokens[t + 1].Start : run.Length;
                var token = run[tokens[t].Start..end];
                if (token is "要" or "必须" || (token.Length == 2 && token[1] == '要' && "都还也就更".Contains(token[0]))) return true;
            }
        }

        return false;
    }

    /// <summary>A quoted principle: most of the sentence stands inside quotation marks (习近平总书记强调，“…”).</summary>
    internal static bool IsQuote(string text)
    {
        var quoted = 0;
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '“') depth++;
            else if (c == '”') depth = Math.Max(0, depth - 1);
            else if (depth > 0) quoted++;
        }

        return quoted >= 0.6 * text.Length;
    }

    /// <summary>Every jieba word (two or more characters) of the speech.</summary>
    public IReadOnlySet<string> Words { get; }

    /// <summary>
    /// Teaches the index that <paramref name="question"/> asks for sentence <paramref name="sentence"/>: the question's
    /// content terms join that sentence's terms, so the question and its paraphrases find the sentence from now on.
    /// </summary>
    public void AddPhrasing(int sentence, string question)
    {
        var query = Analyzer.Analyze(question);
        lock (_learning)
        {
            var tf = new Dictionary<string, int>(_termFrequencies[sentence]);
            var idf = new Dictionary<string, double>(_idf);
            foreach (var (term, weight) in query.Terms)
            {
                if (weight < QueryAnalyzer.SynonymWeight || tf.ContainsKey(term)) continue;
                tf[term] = 1;
                var df = _termFrequencies.Count(t => t.ContainsKey(term)) + 1;
                idf[term] = Math.Log(1 + ((_lengths.Length - df + 0.5) / (df + 0.5)));
            }

            _termFrequencies[sentence] = tf;
            _idf = idf;
        }
    }

    public SpeechDocument Document { get; }

    public Thesaurus Thesaurus { get; }

    public QueryAnalyzer Analyzer { get; }

    /// <summary>Every character bigram of the speech (normalised).</summary>
    public IReadOnlySet<string> Bigrams { get; }

    /// <summary>All sentences ranked for the query, best first (only those with a positive score).</summary>
    public IReadOnlyList<ScoredSentence> Search(AnalyzedQuery query)
    {
        var sentences = Document.Sentences;
        var lexical = new double[sentences.Count];
        var coverage = new double[sentences.Count];
        var idfs = _idf;
        var terms = query.Terms.Select(t => (Term: t.Key, Weight: t.Value, Idf: idfs.TryGetValue(t.Key, out var idf) ? idf : MaxIdf)).ToArray();
        var coverageTotal = 0.0;
        foreach (var t in terms)
        {
            if (t.Term.Length >= 2) coverageTotal += t.Weight * t.Idf;
        }

        // One pass per sentence: BM25 and the share of the query's (bigram) weight the sentence holds.
        for (var i = 0; i < sentences.Count; i++)
        {
            var tf = _termFrequencies[i];
            var norm = K1 * (1 - B + (B * _lengths[i] / _averageLength));
            double score = 0, hit = 0;
            foreach (var (term, weight, idf) in terms)
            {
                if (!tf.TryGetValue(term, out var f)) continue;
                score += weight * idf * (f * (K1 + 1) / (f + norm));
                if (term.Length >= 2) hit += weight * idf;
            }

            lexical[i] = score;
            coverage[i] = coverageTotal == 0 ? 0 : hit / coverageTotal;
        }

        var weights = _weights;
        if (weights.ProximityWeight > 0 && query.WordPairs.Count > 0)
        {
            // Each pair weighs by its own idf (the sentences where its words stand together): 人大+工作 stands together
            // all over the speech and says little; 党委+群团 does once and says which sentence is meant.
            var near = new double[sentences.Count];
            foreach (var (first, second) in query.WordPairs)
            {
                var df = 0;
                for (var i = 0; i < sentences.Count; i++)
                {
                    near[i] = Near(_normalized[i], first, second) ? 1.0 : Near(_normalized[i], second, first) ? 0.5 : 0;
                    if (near[i] > 0) df++;
                }

                if (df == 0) continue;
                var pairIdf = Math.Log(1 + ((sentences.Count - df + 0.5) / (df + 0.5)));
                for (var i = 0; i < sentences.Count; i++) lexical[i] += weights.ProximityWeight * near[i] * pairIdf;
            }
        }

        var results = new List<ScoredSentence>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            // Coordination: a sentence that holds more of the question's terms beats one that repeats a few of them.
            var coordination = 1 - weights.CoordinationWeight + (weights.CoordinationWeight * coverage[i]);
            var score = coordination * lexical[i] * (sentence.Kind == SentenceKind.Body ? 1.0 : weights.HeadingWeight);
            if (Document.PointOf(sentence) is { } point && point.FirstSentence != i) score += weights.PointHeadingWeight * lexical[point.FirstSentence];
            var part = Document.PartOf(sentence);
            if (part.Number > 0 && part.FirstSentence != i) score += weights.PartHeadingWeight * lexical[part.FirstSentence];
            var neighbour = 0.0;
            if (i > 0 && sentences[i - 1].Part == sentence.Part) neighbour = lexical[i - 1];
            if (i + 1 < sentences.Count && sentences[i + 1].Part == sentence.Part) neighbour = Math.Max(neighbour, lexical[i + 1]);
            score += weights.NeighbourWeight * neighbour;
            foreach (var phrase in query.Phrases)
            {
                if (_normalized[i].Contains(phrase, StringComparison.Ordinal)) score += weights.PhraseBonus * phrase.Length;
            }

            // What kind of sentence answers the question: “what to do” is answered by a requirement, not a quoted principle.
            if (query.AsksWhatToDo && weights.ActionCueWeight > 0)
            {
                if (_requirement[i]) score *= 1 + weights.ActionCueWeight;
                else if (_quote[i]) score *= 1 - weights.ActionCueWeight;
            }

            if (query.PartReference > 0)
            {
                if (sentence.Part == query.PartReference) score = (score + 1) * 1.5;
                if (query.PointReference > 0 && sentence.Part == query.PartReference && sentence.Point == query.PointReference) score += 2;
            }

            if (score > 0) results.Add(new ScoredSentence(sentence, score));
        }

        results.Sort((a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : a.Sentence.Index.CompareTo(b.Sentence.Index));
        return results;
    }

    /// <summary>Plain BM25 of one sentence for the query's weighted terms.</summary>
    public double Bm25(int sentence, AnalyzedQuery query)
    {
        var tf = _termFrequencies[sentence];
        var norm = K1 * (1 - B + (B * _lengths[sentence] / _averageLength));
        var score = 0.0;
        foreach (var (term, weight) in query.Terms)
        {
            if (!tf.TryGetValue(term, out var f)) continue;
            score += weight * _idf.GetValueOrDefault(term, MaxIdf) * (f * (K1 + 1) / (f + norm));
        }

        return score;
    }

    /// <summary>
    /// Share of the query's term weight (idf-weighted, terms of two or more characters) that occurs anywhere in the
    /// speech: words no sentence holds weigh as the rarest term, so a question mostly about something else scores low.
    /// </summary>
    public double VocabularyShare(AnalyzedQuery query)
    {
        var idfs = _idf;
        double total = 0, known = 0;
        foreach (var (term, weight) in query.Terms)
        {
            if (term.Length < 2) continue;
            if (idfs.TryGetValue(term, out var idf)) known += weight * idf;
            total += weight * (idfs.TryGetValue(term, out var v) ? v : MaxIdf);
        }

        return total == 0 ? 0 : known / total;
    }

    /// <summary>Share of the query's term weight (idf-weighted) that occurs in the sentence.</summary>
    public double TermCoverage(int sentence, AnalyzedQuery query)
    {
        var tf = _termFrequencies[sentence];
        double total = 0, hit = 0;
        foreach (var (term, weight) in query.Terms)
        {
            if (term.Length < 2) continue;
            var idf = _idf.GetValueOrDefault(term, MaxIdf);
            total += weight * idf;
            if (tf.ContainsKey(term)) hit += weight * idf;
        }

        return total == 0 ? 0 : hit / total;
    }

    /// <summary><paramref name="second"/> starts at most <see cref="ProximityGap"/> characters after an occurrence of <paramref name="first"/>.</summary>
    private static bool Near(string text, string first, string second)
    {
        var at = text.IndexOf(first, StringComparison.Ordinal);
        while (at >= 0)
        {
            var from = at + first.Length;
            var length = Math.Min(text.Length - from, second.Length + ProximityGap);
            if (length >= second.Length && text.AsSpan(from, length).IndexOf(second, StringComparison.Ordinal) >= 0) return true;
            at = text.IndexOf(first, at + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private double MaxIdf => Math.Log(1 + ((_lengths.Length + 0.5) / 0.5));

    private static void Count(Dictionary<string, int> tf, string term) => tf[term] = tf.GetValueOrDefault(term) + 1;
}
