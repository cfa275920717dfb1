namespace OrganBot.Dialogs.Knowledge;

/// <summary>问答待办: questions the bot missed, and the phrasings admins linked to the speech (EF implementation in Bot).</summary>
public interface IQaQueueStore
{
    /// <summary>Adds an open entry, unless the member already has an open entry for the same question.</summary>
    Task AddAsync(QaQueueEntry entry, CancellationToken cancellationToken);

    /// <summary>Records what was wrong on the member's open 👎 entry for the question (no-op if there is none).</summary>
    Task SetReasonAsync(string askerKey, string question, string reason, CancellationToken cancellationToken);

    /// <summary>Open questions, most asked first: one entry per question with how many open entries share it.</summary>
    Task<IReadOnlyList<(QaQueueEntry Entry, int Count)>> GetOpenAsync(int top, CancellationToken cancellationToken);

    Task<QaQueueEntry?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Resolves the entry and every open entry with the same question; returns the entries it resolved (empty when
    /// another admin was first).
    /// </summary>
    Task<IReadOnlyList<QaQueueEntry>> ResolveAsync(long id, QaQueueStatus status, IReadOnlyList<string> sentenceIds, string adminKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every linked question with its sentences, loaded into the index at start.</summary>
    Task<IReadOnlyList<(string Question, IReadOnlyList<string> SentenceIds)>> GetLinkedAsync(CancellationToken cancellationToken);
}
