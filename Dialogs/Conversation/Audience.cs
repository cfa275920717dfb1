namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// Who a reminder or an announcement is for, resolved by <see cref="IAudienceDirectory"/>. Two audiences are the same
/// when kind and key match; the label is only what the admin saw when choosing it.
/// </summary>
/// <param name="Key">Group name, team id or conversation id (see <see cref="AudienceKind"/>); null for the kinds without one.</param>
/// <param name="Label">Display name remembered at the time of choosing (e.g. the team's name), for cards.</param>
public sealed record Audience(AudienceKind Kind, string? Key = null, string? Label = null)
{
    public static Audience All { get; } = new(AudienceKind.AllMembers);

    /// <summary>True when messages go to one or more conversations (channels, a group chat) rather than to people's 1:1 chats.</summary>
    public bool PostsToConversations => Kind is AudienceKind.Channel or AudienceKind.GroupChat or AudienceKind.AllTeamChannels;

    public bool Equals(Audience? other) => other is not null && Kind == other.Kind && (Key ?? "") == (other.Key ?? "");

    public override int GetHashCode() => HashCode.Combine(Kind, Key ?? "");

    /// <summary>The value of a card choice for this audience: all, channels, group:…, team:…, channel:…, chat:….</summary>
    public string ChoiceValue => Kind switch
    {
        AudienceKind.AllMembers => "all",
        AudienceKind.AllTeamChannels => "channels",
        AudienceKind.Group => "group:" + Key,
        AudienceKind.Team => "team:" + Key,
        AudienceKind.Channel => "channel:" + Key,
        _ => "chat:" + Key,
    };

    /// <summary>Reads a <see cref="ChoiceValue"/> back (empty means all members); null when it is not one.</summary>
    public static Audience? FromChoiceValue(string? value)
    {
        if (string.IsNullOrEmpty(value) || value == "all") return All;
        if (value == "channels") return new Audience(AudienceKind.AllTeamChannels);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1) return null;
        var key = value[(colon + 1)..];
        AudienceKind? kind = value[..colon] switch
        {
            "group" => AudienceKind.Group,
            "team" => AudienceKind.Team,
            "channel" => AudienceKind.Channel,
            "chat" => AudienceKind.GroupChat,
            _ => null,
        };
        return kind is null ? null : new Audience(kind.Value, key);
    }
}
