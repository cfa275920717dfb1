using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Knowledge;
using OrganBot.Bot.Storage;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.AdminConsole;

/// <summary>
/// The 问答 page from <see cref="QaStatistics"/> (the 问答统计 card's query): the most asked topics over every question,
/// questions, refusals (讲话未涉及) and 👍/👎 per month, the parts behind rated answers, the most asked open 讲话未涉及
/// questions, and the 问答待办 queue with the same candidate sentences as its card. Askers are not shown.
/// </summary>
internal sealed class QaQuery(BotDbContext db, QaStatistics statistics, IQaQueueStore queue, KnowledgeBase knowledge, OfficeClock office)
{
    private const int CandidatesPerQuestion = 3;
    private const int Top = 10;

    public sealed record Topic(string Label, int Asked);

    public sealed record Rated(string Label, int Answers, int Up, int Down);

    public sealed record MonthRow(string Month, int Asked, int Refused, int Down, int Up);

    public sealed record Candidate(string SentenceId, string Label, string Text);

    public sealed record QueueItem(long Id, string Question, string Reason, int Count, IReadOnlyList<Candidate> Candidates);

    public sealed record Missed(string Question, int Count);

    public sealed record Page(int Up, int Down, int RatedAnswers, IReadOnlyList<Topic> Topics, IReadOnlyList<Rated> Rated, IReadOnlyList<Missed> TopMissed,
        IReadOnlyList<MonthRow> Months, IReadOnlyList<QueueItem> Queue);

    public async Task<Page> BuildAsync(UiLanguage language, CancellationToken cancellationToken)
    {
        var stats = await statistics.BuildAsync(5, Top, Top, language, cancellationToken);
        var allVotes = await db.Set<AnswerVoteRecord>().AsNoTracking().Select(v => new { v.AnswerId, v.Label, v.IsHelpful, v.UpdatedAt }).ToListAsync(cancellationToken);
        var rated = allVotes.GroupBy(v => v.Label)
            .Select(g => new Rated(g.Key, g.Select(v => v.AnswerId).Distinct().Count(), g.Count(v => v.IsHelpful), g.Count(v => !v.IsHelpful)))
            .OrderByDescending(t => t.Up + t.Down).ThenBy(t => t.Label, StringComparer.Ordinal).Take(Top).ToList();

        string Month(DateTimeOffset at) => office.ToOffice(at).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var monthKeys = allVotes.Select(v => Month(v.UpdatedAt)).Concat(stats.Counts.Select(c => c.Month))
            .Append(Month(office.Now)).Distinct().Order(StringComparer.Ordinal).TakeLast(12);
        var months = monthKeys.Select(m => new MonthRow(m,
            stats.Counts.Where(c => c.Month == m).Sum(c => c.Count),
            stats.Counts.Where(c => c.Month == m && c.Part == IQuestionTally.NotCovered).Sum(c => c.Count),
            allVotes.Count(v => !v.IsHelpful && Month(v.UpdatedAt) == m), allVotes.Count(v => v.IsHelpful && Month(v.UpdatedAt) == m))).ToList();

        var open = await queue.GetOpenAsync(20, cancellationToken);
        var view = stats.View;
        return new Page(view.Up, view.Down, view.Answers, [.. stats.Topics.Select(t => new Topic(t.Label, t.Asked))], rated,
            [.. view.Unanswered.Select(u => new Missed(u.Question, u.Count))],
            months,
            [.. open.Select(o => new QueueItem(o.Entry.Id, o.Entry.Question, o.Entry.Reason, o.Count,
                [.. knowledge.Candidates(o.Entry.Question, CandidatesPerQuestion).Select(c => new Candidate(c.Sentence.Id, c.Label, c.Sentence.Text))]))]);
    }
}
