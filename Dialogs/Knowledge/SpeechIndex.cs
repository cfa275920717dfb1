namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// BM25 over character unigrams and bigrams of every sentence, combined with the speech's structure: the point
/// heading and part heading a sentence belongs to, its neighbours, and parts or points the question names.
/// </summary>
public sealed class SpeechIndex
{
    private const double K1 = 1.2;
    private const double B = 0.5;
    private const double PointHeadingWeight = 0.3;
    private const double PartHeadingWeight = 0.2;
    private const double NeighbourWeight = 0.15;
    private const double PhraseBonus = 0.5;
    private const double HeadingWeight = 1.2;
    private const double CoordinationWeight = 0.3;

    /// <summary>Prefix of word terms (jieba words), so a two-character word and the same bigram stay separate terms.</summary>
    public const char WordPrefix = '~';

    // Copy-on-write: learned phrasings replace a sentence's dictionary (and the idf table) while queries read them.
    private readonly Dictionary<string, int>[] _termFrequencies;
    private readonly int[] _lengths;
    private readonly string[] _normalized;
    private readonly Lock _learning = new();
    private Dictionary<string, double> _idf = [];
    private readonly double _averageLength;

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

        var results = new List<ScoredSentence>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            // Coordination: a sentence that holds more of the question's terms beats one that repeats a few of them.
            var coordination = 1 - CoordinationWeight + (CoordinationWeight * coverage[i]);
            var score = coordination * lexical[i] * (sentence.Kind == SentenceKind.Body ? 1.0 : HeadingWeight);
            if (Document.PointOf(sentence) is { } point && point.FirstSentence != i) score += PointHeadingWeight * lexical[point.FirstSentence];
            var part = Document.PartOf(sentence);
            if (part.Number > 0 && part.FirstSentence != i) score += PartHeadingWeight * lexical[part.FirstSentence];
            var neighbour = 0.0;
            if (i > 0 && sentences[i - 1].Part == sentence.Part) neighbour = lexical[i - 1];
            if (i + 1 < sentences.Count && sentences[i + 1].Part == sentence.Part) neighbour = Math.Max(neighbour, lexical[i + 1]);
            score += NeighbourWeight * neighbour;
            foreach (var phrase in query.Phrases)
            {
                if (_normalized[i].Contains(phrase, StringComparison.Ordinal)) score += PhraseBonus * phrase.Length;
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

    private double MaxIdf => Math.Log(1 + ((_lengths.Length + 0.5) / 0.5));

    private static void Count(Dictionary<string, int> tf, string term) => tf[term] = tf.GetValueOrDefault(term) + 1;
}
