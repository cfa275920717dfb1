using System.Text.Json.Nodes;
using OrganBot.Cards;
using OrganBot.Cards.Answers;
using OrganBot.Cards.Model;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>Turns knowledge answers and parts of the speech into the Q&amp;A cards.</summary>
public sealed class AnswerPresenter
{
    private const int MaxPassageLength = 300;

    private readonly KnowledgeBase knowledge;
    private readonly KnowledgeSettings _settings;

    // The paragraphs of every part (查看原文) never change: built once, not on every answer.
    private readonly IReadOnlyList<string>[] _partParagraphs;

    public AnswerPresenter(KnowledgeBase knowledge, KnowledgeSettings? settings = null)
    {
        this.knowledge = knowledge;
        _settings = settings ?? new KnowledgeSettings("");
        _partParagraphs = [.. knowledge.Document.Parts.Select(BuildPartParagraphs)];
    }

    public JsonObject AnswerCard(KnowledgeAnswer answer, UiLanguage language, GeneratedAnswer? generated = null, string? voteNote = null, bool askReason = false) =>
        ComposeAnswerCard(answer, language, generated, voteNote, askReason).ToJson();

    /// <summary>The answer card as a typed model; the Q&amp;A path writes it once and sends the bytes.</summary>
    public AdaptiveCard ComposeAnswerCard(KnowledgeAnswer answer, UiLanguage language, GeneratedAnswer? generated = null, string? voteNote = null, bool askReason = false)
    {
        if (!answer.Covered)
        {
            return NotCoveredCard.Compose(answer.Question, [.. answer.RelatedParts.Select(p => (p.Number, knowledge.PartLabel(p, language)))], language,
                _settings.OfficeContact, RequestIntent.IsMatch(answer.Question));
        }

        var main = answer.Citations[0].Sentence;
        var part = answer.Part ?? knowledge.Document.PartOf(main);
        var isList = answer.Kind == AnswerKind.List;
        var view = new AnswerCardView
        {
            Question = answer.Question,
            AnswerId = main.Id,
            Answer = answer.Text,
            GeneratedAnswer = generated?.Text,
            Label = isList
                ? part.Number == 0 ? language.Pick("讲话全文 · 五个部分", "Whole speech · the five parts") : knowledge.PartLabel(part, language)
                : answer.Citations[0].Label,
            Passage = isList ? answer.Text : Passage(main),
            Sources = generated is null ? [] : [.. answer.Citations.Select(c => (c.Label, c.Text))],
            PartLabel = part.Number == 0 ? language.Pick("讲话全文 · 开篇", "Opening of the speech") : knowledge.PartLabel(part, language),
            PartText = PartParagraphs(part),
            FollowUps = answer.FollowUps,
            VoteNote = voteNote,
            ReasonChoices = askReason ? [.. QaQueueReasons.AfterDownVote.Select(r => (r, ReasonTitle(r, language)))] : [],
        };
        return Cards.Answers.AnswerCard.Compose(view, language);
    }

    private static string ReasonTitle(string reason, UiLanguage language) => language == UiLanguage.English
        ? reason switch { QaQueueReasons.WrongAnswer => "Off the point", QaQueueReasons.Incomplete => "Incomplete", _ => "Other" }
        : reason;

    public JsonObject KeyPointsOverview(UiLanguage language) =>
        KeyPointsCard.Overview([.. knowledge.Document.NumberedParts.Select(p => KeyPoints(p, language))], language);

    /// <param name="openPoint">The point whose requirements start shown (0: none).</param>
    public JsonObject KeyPointsPart(SpeechPart part, UiLanguage language, int openPoint = 0) => KeyPointsCard.Part(KeyPoints(part, language), language, openPoint);

    public KeyPointsView KeyPoints(SpeechPart part, UiLanguage language)
    {
        var document = knowledge.Document;
        return new(part.Number, knowledge.PartLabel(part, language), part.Heading,
            [.. document.RequirementsUnder(part, 0).Select(s => s.Text)],
            [.. part.Points.Select(p => new KeyPointView(p.Number, document.PointHeading(p), knowledge.PointTopic(p),
                [.. document.RequirementsUnder(part, p.Number).Select(s => s.Text)]))],
            PartParagraphs(part));
    }

    /// <summary>The main sentence with its neighbours in the same point, verbatim, up to about 300 characters.</summary>
    private string Passage(SpeechSentence main)
    {
        var sentences = knowledge.Document.Sentences;
        var text = main.Text;
        var before = main.Index - 1;
        var after = main.Index + 1;
        while (true)
        {
            var grew = false;
            if (after < sentences.Count && Same(sentences[after], main) && text.Length + sentences[after].Text.Length <= MaxPassageLength)
            {
                text += sentences[after++].Text;
                grew = true;
            }

            if (before >= 0 && Same(sentences[before], main) && text.Length + sentences[before].Text.Length <= MaxPassageLength)
            {
                text = sentences[before--].Text + text;
                grew = true;
            }

            if (!grew) return text;
        }
    }

    private static bool Same(SpeechSentence a, SpeechSentence b) =>
        a.Part == b.Part && a.Point == b.Point && a.Kind != SentenceKind.PartHeading;

    private IReadOnlyList<string> PartParagraphs(SpeechPart part) => _partParagraphs[part.Number];

    private IReadOnlyList<string> BuildPartParagraphs(SpeechPart part)
    {
        var paragraphs = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var sentence in knowledge.Document.SentencesOf(part))
        {
            if (sentence.Kind is SentenceKind.PartHeading or SentenceKind.PointHeading && current.Length > 0)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }

            current.Append(sentence.Text);
            if (sentence.Kind == SentenceKind.PartHeading)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0) paragraphs.Add(current.ToString());
        return paragraphs;
    }
}
