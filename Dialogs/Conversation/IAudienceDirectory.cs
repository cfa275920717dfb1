using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// Who an <see cref="Audience"/> is: the one resolver for reminders and announcements (port; Bot reads the conversation
/// directory, <c>Audiences:Groups</c> and, when asked, the team rosters from Teams).
/// </summary>
public interface IAudienceDirectory
{
    /// <summary>The configured group names, in order.</summary>
    IReadOnlyList<string> GroupNames { get; }

    Task<IReadOnlyList<TeamChoice>> GetTeamsAsync(CancellationToken cancellationToken);

    /// <summary>All members, each team, each channel and each group, titled for the reminder card.</summary>
    Task<IReadOnlyList<AudienceChoice>> ListChoicesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Where a message for the audience goes: members' 1:1 chats, or the channel / group chat conversations. With
    /// <paramref name="readRosters"/>, team rosters are first read from Teams so members who never wrote to the bot are included.
    /// </summary>
    Task<IReadOnlyList<AudienceRecipient>> ResolveRecipientsAsync(Audience audience, bool readRosters, CancellationToken cancellationToken);

    /// <summary>The delivery targets of the audience, rosters read from Teams first.</summary>
    async Task<IReadOnlyList<DeliveryTarget>> ResolveAsync(Audience audience, CancellationToken cancellationToken) =>
        [.. (await ResolveRecipientsAsync(audience, readRosters: true, cancellationToken)).Select(r => r.Target)];

    /// <summary>The people the audience stands for, as the bot knows them (for a channel: its team's members; a group chat's people are not tracked).</summary>
    Task<IReadOnlyList<AudienceRecipient>> ResolveMembersAsync(Audience audience, CancellationToken cancellationToken);

    /// <summary>Whether the member, writing from <paramref name="conversationId"/>, is one of the audience's people.</summary>
    Task<bool> IncludesAsync(Audience audience, string memberId, string conversationId, CancellationToken cancellationToken);

    Task<AudienceRecipient?> FindMemberAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Users (29: ids) with these Entra object ids that the bot knows.</summary>
    Task<IReadOnlyList<string>> FindUsersAsync(IEnumerable<string> aadObjectIds, CancellationToken cancellationToken);
}
