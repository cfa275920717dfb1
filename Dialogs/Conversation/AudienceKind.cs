namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// The kinds of <see cref="Audience"/>. Stored by name (reminder events and announcements), so a name never changes.
/// </summary>
public enum AudienceKind
{
    /// <summary>Everyone the bot knows, each in a 1:1 chat.</summary>
    AllMembers,

    /// <summary>A named list under <c>Audiences:Groups</c>; the key is its name.</summary>
    Group,

    /// <summary>The members of a team, each in a 1:1 chat; the key is the team id.</summary>
    Team,

    /// <summary>One team channel, posted there; the key is its conversation id. Its people are the team's members.</summary>
    Channel,

    /// <summary>One group chat, posted there; the key is its conversation id.</summary>
    GroupChat,

    /// <summary>The General channel of every team the bot is in.</summary>
    AllTeamChannels,
}
