using System.Collections.Concurrent;
using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.Storage;

/// <summary>
/// Remembers what <see cref="ConversationDirectory"/> last stored for a conversation and sender, so a chat's
/// every message doesn't rewrite identical rows. A changed field, a membership change or an entry older than
/// <see cref="RefreshAfter"/> (which keeps LastSeenAt roughly current) writes again.
/// </summary>
internal sealed class RecentActivityCache
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(10);
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, (int Fingerprint, DateTimeOffset StoredAt)> _entries = new();

    public bool ShouldRecord(Activity activity, DateTimeOffset now)
    {
        if (activity.MembersAdded is { Count: > 0 } || activity.MembersRemoved is { Count: > 0 }
            || activity.Type is ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate)
        {
            // This write may change what the sender's next message would skip (e.g. an install from an en-US client
            // after a zh-CN chat): forget the entry so that message is compared against nothing and stored again.
            Forget(activity);
            return true;
        }

        var key = activity.Conversation!.Id + "\n" + activity.From?.Id;
        var fingerprint = HashCode.Combine(
            activity.ServiceUrl, activity.From?.Name, activity.From?.AadObjectId, activity.Recipient?.Id,
            activity.Locale, activity.LocalTimezone, TeamsChannelData.From(activity.ChannelData).TeamId, activity.Conversation.TenantId);
        if (_entries.TryGetValue(key, out var entry) && entry.Fingerprint == fingerprint && now - entry.StoredAt < RefreshAfter)
        {
            return false;
        }

        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = (fingerprint, now);
        return true;
    }

    /// <summary>Forgets an entry whose write failed, so the next activity tries again.</summary>
    public void Forget(Activity activity) => _entries.TryRemove(activity.Conversation!.Id + "\n" + activity.From?.Id, out _);
}
