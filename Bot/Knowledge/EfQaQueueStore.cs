using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;
using OrganBot.Cards;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

internal sealed class EfQaQueueStore(ScopedBotDb scopedDb) : IQaQueueStore
{
    /// <summary>Leased on first use (<see cref="ScopedBotDb"/>).</summary>
    private BotDbContext Db => scopedDb.Context;

    private static readonly string s_open = nameof(QaQueueStatus.Open);
    private static readonly string s_linked = nameof(QaQueueStatus.Linked);

    public async Task AddAsync(QaQueueEntry entry, CancellationToken cancellationToken)
    {
        var key = Key(entry.Question);
        var existing = await Db.Set<QaQueueRecord>()
            .FirstOrDefaultAsync(q => q.Status == s_open && q.QuestionKey == key && q.AskerKey == entry.AskerKey, cancellationToken);
        if (existing is not null)
        {
            // Asked again, or rated 👎 after a refusal: one open entry per member and question, latest reason wins.
            existing.Reason = entry.Reason;
            existing.SentenceIds = string.Join(',', entry.SentenceIds);
        }
        else
        {
            Db.Set<QaQueueRecord>().Add(new QaQueueRecord
            {
                Question = entry.Question,
                QuestionKey = key,
                Reason = entry.Reason,
                AskerUserId = entry.AskerUserId,
                AskerKey = entry.AskerKey,
                Language = entry.Language == UiLanguage.English ? "en" : "zh",
                Status = s_open,
                SentenceIds = string.Join(',', entry.SentenceIds),
                CreatedAt = entry.CreatedAt,
            });
        }

        await Db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetReasonAsync(string askerKey, string question, string reason, CancellationToken cancellationToken)
    {
        var key = Key(question);
        var entry = await Db.Set<QaQueueRecord>()
            .Where(q => q.Status == s_open && q.QuestionKey == key && q.AskerKey == askerKey)
            .OrderByDescending(q => q.Id).FirstOrDefaultAsync(cancellationToken);
        if (entry is null || entry.Reason == QaQueueReasons.NotCovered) return;
        entry.Reason = reason;
        await Db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(QaQueueEntry Entry, int Count)>> GetOpenAsync(int top, CancellationToken cancellationToken)
    {
        var open = await Db.Set<QaQueueRecord>().AsNoTracking().Where(q => q.Status == s_open).ToListAsync(cancellationToken);
        return [.. open.GroupBy(q => q.QuestionKey)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(q => q.Id))
            .Take(top).Select(g => (ToEntry(g.OrderBy(q => q.Id).First()), g.Count()))];
    }

    public async Task<QaQueueEntry?> GetAsync(long id, CancellationToken cancellationToken) =>
        await Db.Set<QaQueueRecord>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken) is { } record ? ToEntry(record) : null;

    public async Task<IReadOnlyList<QaQueueEntry>> ResolveAsync(long id, QaQueueStatus status, IReadOnlyList<string> sentenceIds, string adminKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var item = await Db.Set<QaQueueRecord>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == id && q.Status == s_open, cancellationToken);
        if (item is null) return [];
        var rows = await Db.Set<QaQueueRecord>().Where(q => q.Status == s_open && q.QuestionKey == item.QuestionKey).OrderBy(q => q.Id).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.Status = status.ToString();
            row.ResolvedAt = at;
            row.ResolvedBy = adminKey;
            if (status == QaQueueStatus.Linked) row.SentenceIds = string.Join(',', sentenceIds);
        }

        // Two admins pressing at the same moment may both resolve it; the outbox's DedupKey (qa:{id}) sends once.
        await Db.SaveChangesAsync(cancellationToken);
        return [.. rows.Select(ToEntry)];
    }

    public async Task<IReadOnlyList<(string Question, IReadOnlyList<string> SentenceIds)>> GetLinkedAsync(CancellationToken cancellationToken)
    {
        var linked = await Db.Set<QaQueueRecord>().AsNoTracking().Where(q => q.Status == s_linked)
            .Select(q => new { q.Question, q.SentenceIds }).ToListAsync(cancellationToken);
        return [.. linked.Select(l => (l.Question, (IReadOnlyList<string>)l.SentenceIds.Split(',', StringSplitOptions.RemoveEmptyEntries)))];
    }

    /// <summary>Same question, however it was typed: normalised width and case, no spaces or trailing punctuation.</summary>
    private static string Key(string question)
    {
        var normalized = TextNormalizer.Normalize(question);
        var key = new string([.. normalized.Where(c => !char.IsWhiteSpace(c))]).TrimEnd('?', '？', '。', '.', '!', '！');
        return key.Length <= 400 ? key : key[..400];
    }

    private static QaQueueEntry ToEntry(QaQueueRecord record) => new(
        record.Id, record.Question, record.Reason, record.AskerUserId, record.AskerKey,
        record.Language == "en" ? UiLanguage.English : UiLanguage.Chinese,
        Enum.Parse<QaQueueStatus>(record.Status),
        record.SentenceIds.Split(',', StringSplitOptions.RemoveEmptyEntries),
        record.CreatedAt);
}
