using System.Collections.Concurrent;
using OrganBot.Cards;
using OrganBot.Cards.Model;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// The answer and its written card for questions asked before, word for word (after trimming) and in the same
/// language: many members ask the same few things, and the answer only changes when the speech index learns a new
/// phrasing (<see cref="KnowledgeBase.Version"/>), which makes every entry stale. Bounded by entries and bytes; when
/// either bound is reached the cache starts afresh, which costs one rebuild per question.
/// </summary>
public sealed class AnswerCardCache(KnowledgeBase knowledge)
{
    public const int MaxEntries = 2048;
    public const long MaxBytes = 16L * 1024 * 1024;

    private readonly ConcurrentDictionary<(UiLanguage, string), Entry> _entries = new();
    private long _bytes;

    public int Count => _entries.Count;

    /// <summary>The cached answer and card, or null when there is none for the index as it is now.</summary>
    public (KnowledgeAnswer Answer, CardJson Card)? TryGet(string question, UiLanguage language) =>
        _entries.TryGetValue((language, question), out var entry) && entry.Version == knowledge.Version
            ? (entry.Answer, entry.Card)
            : null;

    /// <param name="version">The <see cref="KnowledgeBase.Version"/> read before the answer was computed, so an answer
    /// that raced with a new phrasing is stored as already stale.</param>
    public void Add(string question, UiLanguage language, KnowledgeAnswer answer, CardJson card, long version)
    {
        var size = card.Utf8.Length + (question.Length * 2);
        if (_entries.Count >= MaxEntries || Interlocked.Add(ref _bytes, size) > MaxBytes)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, size);
        }

        _entries[(language, question)] = new Entry(answer, card, version);
    }

    private sealed record Entry(KnowledgeAnswer Answer, CardJson Card, long Version);
}
