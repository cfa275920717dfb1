namespace OrganBot.Bot.Storage;

/// <summary>A conversation the bot has seen: everything needed to message it proactively later.</summary>
public sealed class ConversationRecord
{
    public required string Id { get; set; }
    public required string ServiceUrl { get; set; }
    public required string ChannelId { get; set; }

    /// <summary>personal | groupChat | channel.</summary>
    public required string ConversationType { get; set; }

    public string? TenantId { get; set; }
    public string? TeamId { get; set; }
    public string? TeamName { get; set; }
    public string? TeamAadGroupId { get; set; }

    /// <summary>The conversation's own name as Teams sent it (a named group chat; a channel other than General).</summary>
    public string? Name { get; set; }

    /// <summary>Teams channel id (for channel conversations, the conversation id without ;messageid=).</summary>
    public string? TeamsChannelId { get; set; }

    public string? BotId { get; set; }
    public string? BotName { get; set; }

    /// <summary>For personal chats, the member on the other side.</summary>
    public string? UserId { get; set; }

    public string? Locale { get; set; }

    /// <summary>False once the bot is uninstalled or removed from it.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>When the welcome of the current installation was sent; cleared when the bot is removed.</summary>
    public DateTimeOffset? WelcomedAt { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

/// <summary>A member the bot has seen in any conversation or roster.</summary>
public sealed class MemberRecord
{
    /// <summary>The Teams user id (<c>29:…</c>), unique per bot.</summary>
    public required string Id { get; set; }

    public string? AadObjectId { get; set; }
    public string? Name { get; set; }
    public string? TenantId { get; set; }

    /// <summary>The latest service URL seen for this member, for creating a 1:1 chat.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The bot's 1:1 chat with the member, once one exists.</summary>
    public string? PersonalConversationId { get; set; }

    public string? Locale { get; set; }

    /// <summary>The language the member chose with 语言/language ("zh" or "en"), if any.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>The language of the member's latest text ("zh" or "en"), for card actions and proactive messages.</summary>
    public string? LastLanguage { get; set; }

    /// <summary>
    /// The locale of messages the bot sends on its own: the language the member chose, else the one they last wrote in,
    /// else their client's. Read-only, so not a column.
    /// </summary>
    public string? ProactiveLocale => PreferredLanguage ?? LastLanguage ?? Locale;

    public string? TimeZone { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

/// <summary>Membership of a member in a team (from activities and the paged roster).</summary>
public sealed class TeamMemberRecord
{
    public required string TeamId { get; set; }
    public required string MemberId { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
