using System.Collections.Concurrent;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Storage;

/// <summary>
/// The members' languages as this instance last read or wrote them. Every message asks for them (to learn whether the
/// language of its text changed), and reading the Members row on every turn was the largest single cost of a Q&amp;A
/// turn (~18 % of the bot's CPU in the turns benchmark). Writes go through <see cref="EfMemberLanguageStore"/>, which
/// updates the entry after the row. An entry is trusted for <see cref="TrustFor"/> only, because on PostgreSQL another
/// instance may change the row meanwhile (the same trade as <see cref="RecentActivityCache"/>, with a shorter window
/// because the language is what the member sees).
/// </summary>
internal sealed class MemberLanguageCache(TimeProvider time)
{
    public static readonly TimeSpan TrustFor = TimeSpan.FromMinutes(1);
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string memberId, out MemberLanguages languages)
    {
        if (_entries.TryGetValue(memberId, out var entry) && IsFresh(entry))
        {
            languages = entry.Languages;
            return true;
        }

        languages = null!;
        return false;
    }

    /// <summary>
    /// What a read of the row returned. It does not replace a fresh entry: that one was written after this read began
    /// (a concurrent turn of the same member), and the read may predate that write.
    /// </summary>
    public void Read(string memberId, MemberLanguages languages)
    {
        Trim();
        var read = new Entry(languages, time.GetTimestamp());
        _entries.AddOrUpdate(memberId, read, (_, current) => IsFresh(current) ? current : read);
    }

    /// <summary>What this instance has just written to the row.</summary>
    public void Written(string memberId, MemberLanguages languages)
    {
        Trim();
        _entries[memberId] = new Entry(languages, time.GetTimestamp());
    }

    /// <summary>Forgets a member whose write failed or matched no row, so the next turn reads the row again.</summary>
    public void Forget(string memberId) => _entries.TryRemove(memberId, out _);

    private bool IsFresh(Entry entry) => time.GetElapsedTime(entry.StoredAt) < TrustFor;

    private void Trim()
    {
        if (_entries.Count >= MaxEntries) _entries.Clear();
    }

    private sealed record Entry(MemberLanguages Languages, long StoredAt);
}
