using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Answers;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// 讲话要点 (browse by part), 问答统计 and 问答待办 (admins), and the answer cards' buttons (qa.*): votes, what was
/// wrong after 👎, and an admin linking a missed question to the speech (learned at once, answer sent to the asker).
/// </summary>
public sealed partial class KnowledgeFeature(
    KnowledgeBase knowledge,
    AnswerPresenter presenter,
    SpeechQuestionAnswerer answerer,
    IAnswerVoteStore votes,
    IQaQueueStore queue,
    QaQueueResolver resolver,
    QaStatistics statistics,
    TimeProvider time,
    ILogger<KnowledgeFeature> logger) : IFeature
{
    private const int QueuePageSize = 5;
    private const int CandidatesPerQuestion = 3;

    [GeneratedRegex(@"^s\d{1,4}$")]
    private static partial Regex AnswerIdPattern();

    public async Task HandleCommandAsync(ITurnContext turn, CommandDeclaration command, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var isStats = command == KnowledgeCommands.Stats;
        if (isStats || command == KnowledgeCommands.Queue)
        {
            if (!turn.IsAdmin)
            {
                await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
                    $"抱歉，{command.Name}仅对管理员开放。",
                    "Sorry, this is for administrators only.")), cancellationToken);
                return;
            }

            if (!isStats)
            {
                await turn.SendAsync(OutgoingMessage.FromCard(await QueueCardAsync(language, null, cancellationToken)), cancellationToken);
                return;
            }

            var stats = await statistics.BuildAsync(5, 5, QueuePageSize, language, cancellationToken);
            await turn.SendAsync(OutgoingMessage.FromCard(AnswerStatsCard.Build(stats.View, language)), cancellationToken);
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
                // The point is optional: one outside the part simply opens none.
                _ = int.TryParse(input.Data(AnswerVerbs.PointKey), out var point);
                await turn.ReplaceCardAsync(presenter.KeyPointsPart(knowledge.Document.Parts[number], language, point), cancellationToken);
                return;
            case AnswerVerbs.KeyPoints:
                await turn.ReplaceCardAsync(presenter.KeyPointsOverview(language), cancellationToken);
                return;
            case AnswerVerbs.Reason when input.Data(AnswerVerbs.ReasonKey) is { } reason && QaQueueReasons.AfterDownVote.Contains(reason)
                && input.Data(AnswerVerbs.QuestionKey) is { Length: > 0 and <= SpeechQuestionAnswerer.MaxQuestionLength } question:
                await queue.SetReasonAsync(SpeechQuestionAnswerer.UserKey(input.User), question.Trim(), reason, cancellationToken);
                await turn.SendAsync(OutgoingMessage.FromText(language.Pick("收到，已转给管理员改进这个回答。", "Thank you. An administrator will look at this answer.")), cancellationToken);
                return;
            case AnswerVerbs.Link or AnswerVerbs.Dismiss:
                await ResolveAsync(turn, cancellationToken);
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
        if (!helpful)
        {
            await queue.AddAsync(new QaQueueEntry(0, question.Trim(), QaQueueReasons.Down, input.User.Id, UserKey(input.User), language,
                QaQueueStatus.Open, [answerId], time.GetUtcNow()), cancellationToken);
        }

        var answer = knowledge.Ask(question.Trim(), language);
        if (answer.Covered && answer.Citations[0].Sentence.Id == answerId)
        {
            await turn.ReplaceCardAsync(presenter.AnswerCard(answer, language, voteNote: note, askReason: !helpful), cancellationToken);
        }
        else
        {
            await turn.SendAsync(OutgoingMessage.FromText(note), cancellationToken);
        }
    }

    private static string UserKey(ChatUser user) => SpeechQuestionAnswerer.UserKey(user);

    private async Task<System.Text.Json.Nodes.JsonObject> QueueCardAsync(UiLanguage language, string? note, CancellationToken cancellationToken)
    {
        var open = await queue.GetOpenAsync(QueuePageSize, cancellationToken);
        var items = open.Select(o => new QaQueueView(o.Entry.Id, o.Entry.Question, o.Entry.Reason, o.Count,
            [.. knowledge.Candidates(o.Entry.Question, CandidatesPerQuestion).Select(c => (c.Sentence.Id, c.Label, c.Sentence.Text))])).ToList();
        return QaQueueCard.Build(items, language, note);
    }

    /// <summary>
    /// 问答待办 buttons: link the question to a sentence (the index learns it at once and every member who asked gets
    /// the answer through the delivery outbox) or confirm the speech does not cover it.
    /// </summary>
    private async Task ResolveAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var language = input.Language;
        if (!turn.IsAdmin)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("抱歉，问答待办仅对管理员开放。", "Sorry, this is for administrators only.")), cancellationToken);
            return;
        }

        var link = input.Verb == AnswerVerbs.Link;
        var id = long.TryParse(input.Data(AnswerVerbs.ItemKey), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var item) ? item : 0;
        var result = await resolver.ResolveAsync(id, link ? input.Data(AnswerVerbs.SentenceKey) ?? "" : null, UserKey(input.User), language, cancellationToken);
        if (!result.Valid)
        {
            KnowledgeLog.InvalidCardData(logger, input.Verb ?? "");
            await turn.SendAsync(OutgoingMessage.FromText(result.Note), cancellationToken);
            return;
        }

        var note = result.Note;
        await turn.ReplaceCardAsync(await QueueCardAsync(language, note, cancellationToken), cancellationToken);
    }
}
