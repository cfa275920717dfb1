namespace OrganBot.Bot.Protocol;

/// <summary>
/// What an activity must satisfy before anything of it is stored: the identifiers fit their columns and no stored
/// field holds a NUL character (PostgreSQL text cannot). Teams never sends either, so a violation is a client's
/// mistake and gets a 400 instead of a database error (a 500) halfway through the turn.
/// </summary>
internal static class ActivityLimits
{
    public const int MaxActivityId = 256;
    public const int MaxConversationId = 512;
    public const int MaxServiceUrl = 512;
    public const int MaxChannelId = 64;
    public const int MaxMemberId = 256;
    public const int MaxAadObjectId = 64;

    /// <summary>
    /// Drops null entries from the activity's lists (<c>"membersAdded": [null]</c> is valid JSON), so code after the
    /// edge can rely on every entry being an object.
    /// </summary>
    public static void RemoveNullEntries(Activity activity)
    {
        activity.MembersAdded?.RemoveAll(m => m is null);
        activity.MembersRemoved?.RemoveAll(m => m is null);
        activity.ReactionsAdded?.RemoveAll(r => r is null);
        activity.ReactionsRemoved?.RemoveAll(r => r is null);
        activity.Attachments?.RemoveAll(a => a is null);
        activity.Entities?.RemoveAll(e => e is null);
    }

    /// <summary>Why the activity cannot be stored, or null when it can.</summary>
    public static string? Violation(Activity activity)
    {
        if (TooLong(activity.Id, MaxActivityId)) return $"id is longer than {MaxActivityId} characters.";
        if (TooLong(activity.Conversation?.Id, MaxConversationId)) return $"conversation.id is longer than {MaxConversationId} characters.";
        if (TooLong(activity.ServiceUrl, MaxServiceUrl)) return $"serviceUrl is longer than {MaxServiceUrl} characters.";
        if (TooLong(activity.ChannelId, MaxChannelId)) return $"channelId is longer than {MaxChannelId} characters.";
        foreach (var (account, field) in Accounts(activity))
        {
            if (TooLong(account.Id, MaxMemberId)) return $"{field}.id is longer than {MaxMemberId} characters.";
            if (TooLong(account.AadObjectId, MaxAadObjectId)) return $"{field}.aadObjectId is longer than {MaxAadObjectId} characters.";
            if (HasNul(account.Id) || HasNul(account.Name) || HasNul(account.AadObjectId)) return $"{field} holds a NUL character.";
        }

        var channelData = TeamsChannelData.From(activity.ChannelData);
        string?[] stored =
        [
            activity.Id, activity.Conversation?.Id, activity.Conversation?.TenantId, activity.Conversation?.ConversationType,
            activity.ServiceUrl, activity.ChannelId, activity.Locale, activity.LocalTimezone,
            channelData.TenantId, channelData.TeamId, channelData.TeamName, channelData.TeamAadGroupId, channelData.ChannelId,
        ];
        return stored.Any(HasNul) ? "A stored field holds a NUL character." : null;
    }

    private static IEnumerable<(ChannelAccount Account, string Field)> Accounts(Activity activity)
    {
        if (activity.From is { } from) yield return (from, "from");
        if (activity.Recipient is { } recipient) yield return (recipient, "recipient");
        foreach (var added in activity.MembersAdded ?? []) yield return (added, "membersAdded");
        foreach (var removed in activity.MembersRemoved ?? []) yield return (removed, "membersRemoved");
    }

    private static bool TooLong(string? value, int max) => value is not null && value.Length > max;

    private static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);
}
