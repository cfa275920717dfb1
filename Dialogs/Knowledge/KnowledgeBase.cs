using OrganBot.Cards;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// Answers questions from the speech only: retrieval over its structure, list questions from its parts and points,
/// and a plain “not covered” when the question's content is not in the speech.
/// </summary>
public sealed partial class KnowledgeBase
{
    /// <summary>Words that ask for a part's points rather than what the part is about.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"哪几|几个|哪些|几项|几点|几条|要点|要求|任务|措施|举措|方面|points|requirements|tasks")]
    private static partial System.Text.RegularExpressions.Regex PointsWords();

    public const int MaxCitations = 5;
    public const int MaxCitationLength = 300;

    /// <summary>
    /// The one not-covered rule: an answer is given when its confidence (the idf-weighted share of the question's
    /// terms that the best sentence and its neighbours hold; terms no dictionary maps to the speech count against it)
    /// reaches this threshold. Chosen on the tuning split (`eval` prints the trade-off around it); a wrong refusal
    /// costs a member more than a weak answer with its citation, so ties go to answering.
    /// </summary>
    public const double MinConfidence = 0.35;

    /// <summary>A question asking for an amount, date, procedure or person the best sentence does not hold (<see cref="ExpectedAnswer"/>) keeps this share of its confidence.</summary>
    internal const double UnmetAnswerTypeFactor = 0.3;

    private readonly string? _partsNoun;

    public KnowledgeBase(SpeechDocument document, Thesaurus thesaurus, Lexicon? lexicon = null)
    {
        Document = document;
        Thesaurus = thesaurus;
        Index = new SpeechIndex(document, thesaurus, lexicon ?? Lexicon.None);
        _partsNoun = PartsNoun(document);
        Topics = PointTopics.LoadDefault();
    }

    /// <summary>The word the opening uses for its numbered parts: “我代表党组讲五点意见” → 意见 (null if it names none).</summary>
    private static string? PartsNoun(SpeechDocument document)
    {
        var count = TextNormalizer.ChineseNumber(document.NumberedParts.Count());
        foreach (var sentence in document.SentencesOf(document.Parts[0]))
        {
            var at = sentence.Text.IndexOf(count + "点", StringComparison.Ordinal);
            if (at >= 0 && at + 4 <= sentence.Text.Length && sentence.Text.Substring(at + 2, 2) is var noun && noun.All(TextNormalizer.IsCjk)) return noun;
        }

        return null;
    }

    public SpeechDocument Document { get; }

    public Thesaurus Thesaurus { get; }

    /// <summary>English topics of the points.</summary>
    public PointTopics Topics { get; }

    public SpeechIndex Index { get; }

    public static KnowledgeBase Load(string speechText, Lexicon? lexicon = null) => new(SpeechDocument.Parse(speechText), Thesaurus.LoadDefault(), lexicon);

    /// <summary>
    /// An admin linked <paramref name="question"/> to sentences (ids like s42): from now on it, and questions worded
    /// like it, find them. Unknown ids are ignored.
    /// </summary>
    public void Learn(string question, IEnumerable<string> sentenceIds)
    {
        foreach (var id in sentenceIds)
        {
            if (Document.Sentences.FirstOrDefault(s => s.Id == id) is { } sentence) Index.AddPhrasing(sentence.Index, question);
        }

        Interlocked.Increment(ref _version);
    }

    private long _version;

    /// <summary>Changes whenever <see cref="Learn"/> changes what questions find: answers remembered from before are stale.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The best sentences for a question whether or not it is covered: the choices 问答待办 offers an admin.</summary>
    public IReadOnlyList<(SpeechSentence Sentence, string Label)> Candidates(string question, int count) =>
        [.. Index.Search(Index.Analyzer.Analyze(question)).Take(count).Select(r => (r.Sentence, Label(r.Sentence, UiLanguage.Chinese)))];

    public KnowledgeAnswer Ask(string question, UiLanguage language = UiLanguage.Chinese)
    {
        var query = Index.Analyzer.Analyze(question);
        var byTopic = TopicPart(query);
        if (byTopic > 0) query = query with { PartReference = byTopic };
        var results = Index.Search(query);
        var top = results.Count > 0 ? results[0] : null;
        var topCoverage = top is null ? 0 : CoverageAround(top.Sentence, query);
        var signals = (query.Coverage, top?.Score ?? 0, topCoverage);

        if (query.PartReference is > 0 and var partNumber && partNumber < Document.Parts.Count && (query.PointReference == 0 || query.AsksForList) && (query.CoveredUnits <= 2 || byTopic > 0))
        {
            // “第一部分讲了哪几条” lists the points; “第一部分讲的是啥” starts with the part's own heading.
            var asksForPoints = query.AsksForList || PointsWords().IsMatch(query.Normalized);
            return ListAnswer(question, Document.Parts[partNumber], results, language, signals, withHeading: !asksForPoints);
        }

        if (query.AsksForList && query.PartReference == 0 && _partsNoun is { } noun && query.Normalized.Contains(noun, StringComparison.Ordinal))
        {
            // The opening announces the parts as “五点意见”: a list question about the 意见 means the five parts.
            return ListAnswer(question, Document.Parts[0], results, language, signals);
        }

        var vocabulary = Index.VocabularyShare(query);
        if (query.AsksForList && PickListGroup(query, results) is { } group
            && (!query.Terms.Keys.Any(t => t.Length >= 2) || Confidence(vocabulary, GroupCoverage(group, query), query, Document.Sentences[group.FirstSentence]) >= MinConfidence))
        {
            // A pure outline question (“what are the five points?”) or one whose words match the group's headings.
            return ListAnswer(question, group, results, language, signals);
        }

        var structural = query.PartReference > 0 && query.PartReference < Document.Parts.Count;
        var confidence = top is null ? 0 : structural ? 1 : Confidence(vocabulary, topCoverage, query, top.Sentence);
        var covered = confidence >= MinConfidence;
        if (!covered)
        {
            return new KnowledgeAnswer
            {
                Question = question,
                Kind = AnswerKind.NotCovered,
                Text = "",
                Citations = [],
                RelatedParts = RelatedParts(results, query),
                Signals = signals,
                Confidence = confidence,
            };
        }

        var citations = results.Take(MaxCitations).Select(r => Cite(r, language)).ToList();
        var answerSentences = new List<SpeechSentence> { top!.Sentence };
        if (results.Count > 1 && results[1] is var second && Math.Abs(second.Sentence.Index - top.Sentence.Index) == 1
            && second.Sentence.Point == top.Sentence.Point && second.Sentence.Part == top.Sentence.Part && second.Score >= 0.8 * top.Score)
        {
            answerSentences.Add(second.Sentence);
        }

        return new KnowledgeAnswer
        {
            Question = question,
            Kind = AnswerKind.Passage,
            Text = string.Concat(answerSentences.OrderBy(s => s.Index).Select(s => s.Text)),
            Citations = citations,
            Part = Document.PartOf(top.Sentence),
            FollowUps = FollowUps(top.Sentence, language),
            Signals = signals,
            Confidence = confidence,
        };
    }

    /// <summary>
    /// The part a question names by its topic (思想引领那部分, the part on legislation): the one whose heading or point
    /// headings hold at least half of the question, clearly ahead of the others; 0 if none.
    /// </summary>
    private int TopicPart(AnalyzedQuery query)
    {
        if (!query.NamesPartByTopic || query.PartReference > 0 || query.Terms.Count == 0) return 0;
        var ranked = Document.NumberedParts
            .Select(p => (p.Number, Coverage: p.Points.Select(point => point.FirstSentence).Prepend(p.FirstSentence).Max(i => Index.TermCoverage(i, query))))
            .OrderByDescending(p => p.Coverage).ToList();
        return ranked[0].Coverage >= MinTopicCoverage && ranked[0].Coverage > ranked[1].Coverage ? ranked[0].Number : 0;
    }

    /// <summary>Share of the question a part's headings must hold for “X那部分” to name that part.</summary>
    internal const double MinTopicCoverage = 0.5;

    /// <summary>
    /// The geometric mean of how much of the question the speech's vocabulary holds and how much of it the best
    /// sentence's neighbourhood holds; reduced when the question asks for a kind of fact the sentence lacks.
    /// </summary>
    private static double Confidence(double vocabulary, double topCoverage, AnalyzedQuery query, SpeechSentence top)
    {
        var confidence = Math.Sqrt(vocabulary * topCoverage);
        return ExpectedAnswer.Unmet(query.Normalized, top.Text) ? confidence * UnmetAnswerTypeFactor : confidence;
    }

    /// <summary>Coverage of the question by an enumeration: the best of its heading and its items' neighbourhoods.</summary>
    private double GroupCoverage(SpeechPart group, AnalyzedQuery query)
    {
        var items = group.Number == 0
            ? Document.NumberedParts.Select(p => p.FirstSentence)
            : group.Points.Select(p => p.FirstSentence).Prepend(group.FirstSentence);
        return items.Max(i => CoverageAround(Document.Sentences[i], query));
    }

    /// <summary>Location label: 第四部分（压实组织领导）· 二是 夯实基层基础, or Part 4 (Organisational leadership) · Point 2.</summary>
    public string Label(SpeechSentence sentence, UiLanguage language)
    {
        var part = Document.PartOf(sentence);
        var label = PartLabel(part, language);
        if (Document.PointOf(sentence) is not { } point) return label;
        return language == UiLanguage.English
            ? $"{label} · Point {point.Number}"
            : point.Title.Length > 0 ? $"{label}· {point.Marker} {point.Title}" : $"{label}· {point.Marker}";
    }

    /// <summary>第四部分（压实组织领导） / Part 4 (Organisational leadership); 开篇 / Opening.</summary>
    public string PartLabel(SpeechPart part, UiLanguage language)
    {
        if (part.Number == 0) return language.Pick("开篇", "Opening");
        if (language == UiLanguage.English)
        {
            var english = Thesaurus.EnglishFor(part.ShortTitle);
            return english is null ? $"Part {part.Number}" : $"Part {part.Number} ({english})";
        }

        return $"第{TextNormalizer.ChineseNumber(part.Number)}部分（{part.ShortTitle}）";
    }

    private KnowledgeCitation Cite(ScoredSentence result, UiLanguage language) =>
        new(result.Sentence, Label(result.Sentence, language), Excerpt(result.Sentence.Text), Math.Round(result.Score, 3));

    private static string Excerpt(string text) => text.Length <= MaxCitationLength ? text : text[..MaxCitationLength];

    /// <summary>Coverage of the question by the best sentence together with its point heading and neighbours.</summary>
    private double CoverageAround(SpeechSentence sentence, AnalyzedQuery query)
    {
        var best = Index.TermCoverage(sentence.Index, query);
        foreach (var other in new[] { sentence.Index - 1, sentence.Index + 1 })
        {
            if (other >= 0 && other < Document.Sentences.Count && Document.Sentences[other].Part == sentence.Part)
            {
                best = Math.Max(best, 0.5 * (best + Index.TermCoverage(other, query)));
            }
        }

        return best;
    }

    /// <summary>
    /// The enumeration a list question means: the five parts (the opening announces them) or the points of one part.
    /// A count in the question (三点要求) must match; otherwise the group whose sentences match best wins.
    /// </summary>
    private SpeechPart? PickListGroup(AnalyzedQuery query, IReadOnlyList<ScoredSentence> results)
    {
        var candidates = Document.Parts
            .Where(p => ChildCount(p) >= 2 && (query.ListCount == 0 || query.ListCount == ChildCount(p))).ToList();
        if (query.ListCount > 0 && candidates.Count == 1) return candidates[0];
        // “讲话一共有几部分”: a list question with nothing but the list words asks for the outline.
        if (!query.Terms.Keys.Any(t => t.Length >= 2) && query.ListCount == 0) return Document.Parts[0];
        SpeechPart? best = null;
        var bestScore = 0.0;
        foreach (var part in candidates)
        {
            var score = results.Where(r => r.Sentence.Part == part.Number).Take(2).Sum(r => r.Score);
            if (score > bestScore)
            {
                best = part;
                bestScore = score;
            }
        }

        return best;
    }

    private int ChildCount(SpeechPart part) => part.Number == 0 ? Document.NumberedParts.Count() : part.Points.Count;

    private KnowledgeAnswer ListAnswer(string question, SpeechPart group, IReadOnlyList<ScoredSentence> results, UiLanguage language, (double, double, double) signals, bool withHeading = false)
    {
        var items = group.Number == 0
            ? Document.NumberedParts.Select(p => Document.Sentences[p.FirstSentence]).ToList()
            : group.Points.Count > 0
                ? group.Points.Select(p => Document.Sentences[p.FirstSentence]).ToList()
                : [.. Document.RequirementsOf(group).Take(MaxCitations)];
        if (withHeading && group.Number > 0) items.Insert(0, Document.Sentences[group.FirstSentence]);
        var score = results.Count > 0 ? results[0].Score : 1;
        var citations = items.Take(MaxCitations).Select(s => new KnowledgeCitation(s, Label(s, language), Excerpt(s.Text), Math.Round(score, 3))).ToList();
        var followUps = group.Number == 0
            ? Document.NumberedParts.Take(3).Select(p => (PartLabel(p, language), language.Pick($"第{TextNormalizer.ChineseNumber(p.Number)}部分讲了哪几点", $"What are the points of part {p.Number}?"))).ToList()
            : group.Points.Take(3).Select(p => (PointTitle(group, p, language), PointQuestion(group, p, language))).ToList();
        return new KnowledgeAnswer
        {
            Question = question,
            Kind = AnswerKind.List,
            Text = string.Join("\n", items.Select(s => s.Text)),
            Citations = citations,
            Part = group,
            FollowUps = followUps,
            Signals = signals,
            Confidence = 1,
        };
    }

    private IReadOnlyList<(string Title, string Question)> FollowUps(SpeechSentence sentence, UiLanguage language)
    {
        var part = Document.PartOf(sentence);
        var list = new List<(string, string)>();
        foreach (var point in part.Points.Where(p => p.Number != sentence.Point).Take(2))
        {
            list.Add((PointTitle(part, point, language), PointQuestion(part, point, language)));
        }

        if (part.Number > 0)
        {
            list.Add((language.Pick($"第{TextNormalizer.ChineseNumber(part.Number)}部分的要点", $"Points of part {part.Number}"),
                language.Pick($"第{TextNormalizer.ChineseNumber(part.Number)}部分讲了哪几点", $"What are the points of part {part.Number}?")));
        }
        else
        {
            list.Add((language.Pick("五点意见分别是什么", "The five parts"), language.Pick("五点意见分别是什么", "What are the five parts?")));
        }

        return [.. list.Take(3)];
    }

    /// <summary>A point as a button title: its heading in Chinese, its topic in English.</summary>
    public string PointTitle(SpeechPart part, SpeechPoint point, UiLanguage language) =>
        language == UiLanguage.English
            ? PointTopic(point) ?? $"Part {part.Number} · Point {point.Number}"
            : point.Title.Length > 0 ? $"{point.Marker} {point.Title}" : $"第{TextNormalizer.ChineseNumber(part.Number)}部分 · {point.Marker}";

    /// <summary>The English topic of a point, or null when point-topics.txt has none for it.</summary>
    public string? PointTopic(SpeechPoint point) => Topics.EnglishFor(Document.Sentences[point.FirstSentence].Text);

    private static string PointQuestion(SpeechPart part, SpeechPoint point, UiLanguage language) =>
        language.Pick(
            $"第{TextNormalizer.ChineseNumber(part.Number)}部分{(point.Marker.EndsWith('是') ? point.Marker : $"第{TextNormalizer.ChineseNumber(point.Number)}点")}讲了什么",
            $"What does part {part.Number}, point {point.Number} say?");

    /// <summary>
    /// Parts worth suggesting after 讲话未涉及: only those whose best sentence holds a real share of the question
    /// (<see cref="NearbyConfidence"/>), so an unrelated question gets no suggestions rather than arbitrary ones.
    /// </summary>
    private List<SpeechPart> RelatedParts(IReadOnlyList<ScoredSentence> results, AnalyzedQuery query) =>
        [.. results.Where(r => r.Sentence.Part > 0).GroupBy(r => r.Sentence.Part)
            .Where(g => CoverageAround(g.First().Sentence, query) >= NearbyConfidence)
            .OrderByDescending(g => g.Take(2).Sum(r => r.Score)).Take(2).Select(g => Document.Parts[g.Key])];

    /// <summary>Below this share of the question a part is not “near” enough to suggest.</summary>
    internal const double NearbyConfidence = 0.2;
}
