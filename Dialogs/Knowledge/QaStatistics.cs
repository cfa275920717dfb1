using OrganBot.Cards;
using OrganBot.Cards.Answers;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// 问答统计: the one query behind the admin card and the console's 问答 page, so both show the same numbers: votes, the
/// most asked topics (every question counted, by the part of the speech its answer came from, 讲话未涉及 included) and
/// the most asked open 讲话未涉及 questions.
/// </summary>
public sealed class QaStatistics(KnowledgeBase knowledge, IAnswerVoteStore votes, IQaQueueStore queue, IQuestionTally tally)
{
    public sealed record Topic(int Part, string Label, int Asked);

    public sealed record Result(AnswerStatsView View, IReadOnlyList<Topic> Topics, IReadOnlyList<QuestionCount> Counts);

    public async Task<Result> BuildAsync(int topRated, int topTopics, int topOpen, UiLanguage language, CancellationToken cancellationToken)
    {
        var stats = await votes.GetStatsAsync(topRated, cancellationToken);
        var open = await queue.GetOpenAsync(topOpen, cancellationToken);
        var counts = await tally.GetAsync(cancellationToken);
        var topics = counts.GroupBy(c => c.Part)
            .Select(g => new Topic(g.Key, TopicLabel(g.Key, language), g.Sum(c => c.Count)))
            .OrderByDescending(t => t.Asked).ThenBy(t => t.Part).Take(topTopics).ToList();
        var view = new AnswerStatsView(stats.Up, stats.Down, stats.Answers, stats.Rated)
        {
            Unanswered = [.. open.Where(o => o.Entry.Reason == QaQueueReasons.NotCovered).Select(o => (o.Entry.Question, o.Count))],
            Topics = [.. topics.Select(t => (t.Label, t.Asked))],
        };
        return new Result(view, topics, counts);
    }

    /// <summary>The part's label (第二部分（坚持思想引领）), or 讲话未涉及; a part the speech no longer has keeps its number.</summary>
    public string TopicLabel(int part, UiLanguage language) => part switch
    {
        IQuestionTally.NotCovered => language.Pick("讲话未涉及", "Not covered by the speech"),
        IQuestionTally.Whole => language.Pick("讲话整体（各部分）", "The speech as a whole (its parts)"),
        _ when part >= 0 && part < knowledge.Document.Parts.Count => knowledge.PartLabel(knowledge.Document.Parts[part], language),
        _ => language.Pick($"第{part}部分", $"Part {part}"),
    };
}
