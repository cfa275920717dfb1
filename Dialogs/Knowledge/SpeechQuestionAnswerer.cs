using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>Answers free text from the speech: a cited answer card, or 讲话未涉及 with the nearest parts.</summary>
public sealed partial class SpeechQuestionAnswerer(
    KnowledgeBase knowledge,
    AnswerPresenter presenter,
    IEnumerable<IAnswerGenerator> generators,
    IEnumerable<IQuestionRewriter> rewriters,
    IQaQueueStore queue,
    AnswerCardCache cache,
    IQuestionTally tally,
    TimeProvider time,
    ILogger<SpeechQuestionAnswerer> logger) : IQuestionAnswerer
{
    public const int MaxQuestionLength = 200;

    private readonly IAnswerGenerator? _generator = generators.LastOrDefault();
    private readonly IQuestionRewriter? _rewriter = rewriters.LastOrDefault();

    public Task HandleQuestionAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        AnswerAsync(turn, turn.Input.Text, cancellationToken);

    /// <summary>Answers <paramref name="question"/> with a new card (also used by follow-up buttons).</summary>
    public async Task AnswerAsync(ITurnContext turn, string question, CancellationToken cancellationToken)
    {
        question = question.Trim();
        var language = LanguageFor(turn.Input.Language, question);
        if (question.Length > MaxQuestionLength)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
                $"您的问题有点长，请精简到 {MaxQuestionLength} 字以内再问我。",
                $"Your question is a little long. Please keep it under {MaxQuestionLength} characters.")), cancellationToken);
            return;
        }

        var answer = default(KnowledgeAnswer);
        var card = default(Cards.Model.CardJson);
        List<System.Text.Json.Nodes.JsonObject>? entities = null;
        if (cache.TryGet(question, language) is { } cached)
        {
            (answer, card) = cached;
        }
        else
        {
            var version = knowledge.Version;
            answer = knowledge.Ask(question, language);
            var cacheable = true;
            if (!answer.Covered && _rewriter is not null)
            {
                // The model's rewrite may differ next time: such answers are not remembered.
                cacheable = false;
                if (await _rewriter.RewriteAsync(question, cancellationToken) is { Length: > 0 } rewritten)
                {
                    // The model put the question into the speech's words; retrieval and the not-covered rule judge the rewrite,
                    // the card still shows the member's own question.
                    var second = knowledge.Ask(rewritten, language);
                    if (second.Covered)
                    {
                        answer = second with { Question = question };
                        KnowledgeLog.Rewritten(logger);
                    }
                }
            }

            GeneratedAnswer? generated = null;
            if (answer.Kind == AnswerKind.Passage && _generator is not null)
            {
                cacheable = false;
                var raw = await _generator.GenerateAsync(question, language, answer.Citations, cancellationToken);
                if (raw is not null)
                {
                    generated = GeneratedAnswerValidator.Validate(raw, answer.Citations);
                    if (generated is null) KnowledgeLog.GeneratedRejected(logger);
                }
            }

            // Written once into UTF-8: the bytes go into the outgoing activity as they are, and are remembered.
            card = presenter.ComposeAnswerCard(answer, language, generated).ToCardJson();
            entities = Citations(answer, generated);
            if (cacheable) cache.Add(question, language, answer, card, version);
        }

        KnowledgeLog.Answered(logger, question, answer.Kind, answer.Confidence, answer.Signals.TopScore);
        Telemetry.BotTelemetry.AnswerGiven(answer.Covered);
        tally.Count(!answer.Covered ? IQuestionTally.NotCovered : answer.Citations.Count > 0 ? answer.Citations[0].Sentence.Part : IQuestionTally.Whole, time.GetUtcNow());
        if (!answer.Covered)
        {
            await queue.AddAsync(new QaQueueEntry(0, question, QaQueueReasons.NotCovered, turn.Input.User.Id, UserKey(turn.Input.User), language,
                QaQueueStatus.Open, [], time.GetUtcNow()), cancellationToken);
        }

        await turn.SendAsync(OutgoingMessage.FromCard(card) with { Entities = entities }, cancellationToken);
    }

    /// <summary>The member's aadObjectId, or the Teams id when there is none.</summary>
    public static string UserKey(ChatUser user) => user.AadObjectId is { Length: > 0 } aad ? aad : user.Id;

    /// <summary>English interface for an English Teams locale, or when the question itself is written in English.</summary>
    public static UiLanguage LanguageFor(UiLanguage locale, string question) =>
        locale == UiLanguage.English || Thesaurus.IsEnglish(question) ? UiLanguage.English : UiLanguage.Chinese;

    /// <summary>
    /// Teams marks AI-generated content with a schema.org Message entity; citations travel in it, numbered as in
    /// the generated text. Extractive answers are quotations, so they carry no entity and keep their source in the card.
    /// </summary>
    private static List<System.Text.Json.Nodes.JsonObject>? Citations(KnowledgeAnswer answer, GeneratedAnswer? generated)
    {
        if (generated is null) return null;
        var citations = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            citations.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["@type"] = "Claim",
                ["position"] = i + 1,
                ["appearance"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["@type"] = "DigitalDocument",
                    ["name"] = answer.Citations[i].Label,
                    ["abstract"] = answer.Citations[i].Text.Length <= 160 ? answer.Citations[i].Text : answer.Citations[i].Text[..160],
                },
            });
        }

        return
        [
            new()
            {
                ["type"] = "https://schema.org/Message",
                ["@type"] = "Message",
                ["@context"] = "https://schema.org",
                ["additionalType"] = new System.Text.Json.Nodes.JsonArray("AIGeneratedContent"),
                ["citation"] = citations,
            },
        ];
    }
}
