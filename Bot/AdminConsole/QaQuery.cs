using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Knowledge;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.AdminConsole;

/// <summary>
/// The 问答 page: the parts of the speech members' rated answers came from, the most asked missed questions, refusals
/// (讲话未涉及) and 👎 per month, and the 问答待办 queue with the same candidate sentences as its card. Askers are not shown.
/// </summary>
internal sealed class QaQuery(BotDbContext db, IAnswerVoteStore votes, IQaQueueStore queue, KnowledgeBase knowledge, OfficeClock office)
{
    private const int CandidatesPerQuestion = 3;

    public sealed record Topic(string Label, int Answers, int Up, int Down);

    public sealed record MonthRow(string Month, int Refused, int Down, int Up);

    public sealed record Candidate(string SentenceId, string Label, string Text);

    public sealed record QueueItem(long Id, string Question, string Reason, int Count, IReadOnlyList<Candidate> Candidates);

    public sealed record Missed(string Question, int Count);

    public sealed record Page(int Up, int Down, int RatedAnswers, IReadOnlyList<Topic> Topics, IReadOnlyList<Missed> TopMissed,
        IReadOnlyList<MonthRow> Months, IReadOnlyList<QueueItem> Queue);

    public async Task<Page> BuildAsync(CancellationToken cancellationToken)
    {
        var stats = await votes.GetStatsAsync(5, cancellationToken);
        var allVotes = await db.Set<AnswerVoteRecord>().AsNoTracking().Select(v => new { v.AnswerId, v.Label, v.IsHelpful, v.UpdatedAt }).ToListAsync(cancellationToken);
        var misses = await db.Set<QaQueueRecord>().AsNoTracking().Where(q => q.Reason == QaQueueReasons.NotCovered).Select(q => new { q.CreatedAt }).ToListAsync(cancellationToken);
        var topics = allVotes.GroupBy(v => v.Label)
            .Select(g => new Topic(g.Key, g.Select(v => v.AnswerId).Distinct().Count(), g.Count(v => v.IsHelpful), g.Count(v => !v.IsHelpful)))
            .OrderByDescending(t => t.Up + t.Down).ThenBy(t => t.Label, StringComparer.Ordinal).Take(10).ToList();

        string Month(DateTimeOffset at) => office.ToOffice(at).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var monthKeys = allVotes.Select(v => Month(v.UpdatedAt)).Concat(misses.Select(m => Month(m.CreatedAt)))
            .Append(Month(office.Now)).Distinct().Order(StringComparer.Ordinal).TakeLast(12);
        var months = monthKeys.Select(m => new MonthRow(m,
            misses.Count(x => Month(x.CreatedAt) == m), allVotes.Count(v => !v.IsHelpful && Month(v.UpdatedAt) == m), allVotes.Count(v => v.IsHelpful && Month(v.UpdatedAt) == m))).ToList();

        var open = await queue.GetOpenAsync(20, cancellationToken);
        return new Page(stats.Up, stats.Down, stats.Answers, topics,
            [.. open.Where(o => o.Entry.Reason == QaQueueReasons.NotCovered).Take(10).Select(o => new Missed(o.Entry.Question, o.Count))],
            months,
            [.. open.Select(o => new QueueItem(o.Entry.Id, o.Entry.Question, o.Entry.Reason, o.Count,
                [.. knowledge.Candidates(o.Entry.Question, CandidatesPerQuestion).Select(c => new Candidate(c.Sentence.Id, c.Label, c.Sentence.Text))]))]);
    }
}
