using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

internal sealed class EfAnswerVoteStore(BotDbContext db) : IAnswerVoteStore
{
    public async Task RecordAsync(AnswerVote vote, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.Set<AnswerVoteRecord>()
                .SingleOrDefaultAsync(v => v.AnswerId == vote.AnswerId && v.UserKey == vote.UserKey, cancellationToken);
            if (existing is null)
            {
                db.Set<AnswerVoteRecord>().Add(new AnswerVoteRecord
                {
                    AnswerId = vote.AnswerId,
                    UserKey = vote.UserKey,
                    Question = vote.Question,
                    Label = vote.Label,
                    IsHelpful = vote.IsHelpful,
                    CreatedAt = vote.At,
                    UpdatedAt = vote.At,
                });
            }
            else
            {
                existing.IsHelpful = vote.IsHelpful;
                existing.Question = vote.Question;
                existing.UpdatedAt = vote.At;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same member voted twice at once: the other insert won; update it instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<AnswerVoteStats> GetStatsAsync(int top, CancellationToken cancellationToken)
    {
        var votes = await db.Set<AnswerVoteRecord>().AsNoTracking()
            .Select(v => new { v.AnswerId, v.Question, v.Label, v.IsHelpful, v.UpdatedAt })
            .ToListAsync(cancellationToken);
        var rated = votes.GroupBy(v => v.AnswerId)
            .Select(g =>
            {
                var latest = g.MaxBy(v => v.UpdatedAt)!;
                return (latest.Label, latest.Question, Up: g.Count(v => v.IsHelpful), Down: g.Count(v => !v.IsHelpful));
            })
            .OrderByDescending(r => r.Down).ThenByDescending(r => r.Up).Take(top).ToList();
        return new AnswerVoteStats(votes.Count(v => v.IsHelpful), votes.Count(v => !v.IsHelpful), votes.Select(v => v.AnswerId).Distinct().Count(), rated);
    }
}
