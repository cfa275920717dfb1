using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Answers;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>讲话要点 (browse by part), 问答统计 (admins) and the answer cards' buttons (qa.*).</summary>
public sealed partial class KnowledgeFeature(
    KnowledgeBase knowledge,
    AnswerPresenter presenter,
    SpeechQuestionAnswerer answerer,
    IAnswerVoteStore votes,
    TimeProvider time,
    ILogger<KnowledgeFeature> logger) : IFeature
{
    public const string KeyPointsCommand = "讲话要点";
    public const string StatsCommand = "问答统计";

    private static readonly string[] s_keyPointsCommands = [KeyPointsCommand, "要点", "key points", "keypoints"];
    private static readonly string[] s_statsCommands = [StatsCommand, "qa stats", "q&a stats"];

    // Static: features are scoped (built every turn), their command words never change.
    private static readonly string[] s_commands = [.. s_keyPointsCommands, .. s_statsCommands];

    public IReadOnlyCollection<string> Commands => s_commands;

    public string VerbPrefix => AnswerVerbs.Prefix;

    [GeneratedRegex(@"^s\d{1,4}$")]
    private static partial Regex AnswerIdPattern();

    public async Task HandleCommandAsync(ITurnContext turn, string command, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (s_statsCommands.Contains(command, StringComparer.OrdinalIgnoreCase))
        {
            if (!turn.IsAdmin)
            {
                await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
                    "抱歉，问答统计仅对管理员开放。",
                    "Sorry, Q&A ratings are for administrators only.")), cancellationToken);
                return;
            }

            var stats = await votes.GetStatsAsync(5, cancellationToken);
            await turn.SendAsync(OutgoingMessage.FromCard(AnswerStatsCard.Build(new AnswerStatsView(stats.Up, stats.Down, stats.Answers, stats.Rated), language)), cancellationToken);
            return;
        }

        await turn.SendAsync(OutgoingMessage.FromCard(presenter.KeyPointsOverview(language)), cancellationToken);
    }

    public async Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var language = input.Language;
        switch (input.Verb)
        {
            case AnswerVerbs.Vote:
                await VoteAsync(turn, cancellationToken);
                return;
            case AnswerVerbs.FollowUp when input.Data(AnswerVerbs.QuestionKey) is { Length: > 0 and <= SpeechQuestionAnswerer.MaxQuestionLength } question:
                await answerer.AnswerAsync(turn, question, cancellationToken);
                return;
            case AnswerVerbs.Part when int.TryParse(input.Data(AnswerVerbs.PartKey), out var number) && number >= 1 && number < knowledge.Document.Parts.Count:
                await turn.ReplaceCardAsync(presenter.KeyPointsPart(knowledge.Document.Parts[number], language), cancellationToken);
                return;
            case AnswerVerbs.KeyPoints:
                await turn.ReplaceCardAsync(presenter.KeyPointsOverview(language), cancellationToken);
                return;
            default:
                KnowledgeLog.InvalidCardData(logger, input.Verb ?? "");
                await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
                    "抱歉，这个按钮的内容无法识别，请重新提问。",
                    "Sorry, I couldn't read that button. Please ask your question again.")), cancellationToken);
                return;
        }
    }

    private async Task VoteAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var answerId = input.Data(AnswerVerbs.AnswerIdKey) ?? "";
        var vote = input.Data(AnswerVerbs.VoteKey);
        var question = input.Data(AnswerVerbs.QuestionKey) ?? "";
        var valid = AnswerIdPattern().IsMatch(answerId)
            && int.Parse(answerId[1..], System.Globalization.CultureInfo.InvariantCulture) < knowledge.Document.Sentences.Count
            && vote is AnswerVerbs.Up or AnswerVerbs.Down
            && question.Trim().Length is > 0 and <= SpeechQuestionAnswerer.MaxQuestionLength;
        var language = SpeechQuestionAnswerer.LanguageFor(input.Language, question);
        if (!valid)
        {
            KnowledgeLog.InvalidCardData(logger, AnswerVerbs.Vote);
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
                "抱歉，这次评价无法记录，请在回答卡片上重新点击 👍 或 👎。",
                "Sorry, that rating couldn't be recorded. Please press 👍 or 👎 on the answer card again.")), cancellationToken);
            return;
        }

        var sentence = knowledge.Document.Sentences[int.Parse(answerId[1..], System.Globalization.CultureInfo.InvariantCulture)];
        var helpful = vote == AnswerVerbs.Up;
        await votes.RecordAsync(new AnswerVote(answerId, UserKey(input.User), question.Trim(), knowledge.Label(sentence, UiLanguage.Chinese), helpful, time.GetUtcNow()), cancellationToken);
        KnowledgeLog.Voted(logger, answerId, vote!);
        Telemetry.BotTelemetry.AnswerRated(helpful);

        var note = helpful
            ? language.Pick("👍 感谢您的评价！", "👍 Thank you for your rating!")
            : language.Pick("👎 感谢您的评价，我们会继续改进。", "👎 Thank you. We'll keep improving the answers.");
        var answer = knowledge.Ask(question.Trim(), language);
        if (answer.Covered && answer.Citations[0].Sentence.Id == answerId)
        {
            await turn.ReplaceCardAsync(presenter.AnswerCard(answer, language, voteNote: note), cancellationToken);
        }
        else
        {
            await turn.SendAsync(OutgoingMessage.FromText(note), cancellationToken);
        }
    }

    private static string UserKey(ChatUser user) => user.AadObjectId is { Length: > 0 } aad ? aad : user.Id;
}
