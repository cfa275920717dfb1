using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.Storage;

/// <summary>
/// Remembers every conversation and member the bot sees on authenticated activities, so later features can
/// remind and broadcast. Only called after the activity passed authentication (docs/protocol.md §3.1, trusted service URLs).
/// </summary>
internal sealed class ConversationDirectory(ScopedBotDb scopedDb, TimeProvider time, RecentActivityCache recent)
{
    /// <summary>Longest conversation name stored; a longer one is cut (cards show names, never need more).</summary>
    public const int MaxNameLength = 256;

    /// <summary>Leased on first use (<see cref="ScopedBotDb"/>).</summary>
    private BotDbContext Db => scopedDb.Context;

    public async Task RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!recent.ShouldRecord(activity, now))
        {
            // Same conversation, same sender, nothing new to store: skip the write on the hot path.
            return;
        }

        try
        {
            await RecordCoreAsync(activity, now, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first activities of one conversation raced to insert the same rows; the second pass updates them.
            Db.ChangeTracker.Clear();
            try
            {
                await RecordCoreAsync(activity, now, cancellationToken);
            }
            catch
            {
                recent.Forget(activity);
                throw;
            }
        }
    }

    private async Task RecordCoreAsync(Activity activity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation!.Id!;
        var channelData = TeamsChannelData.From(activity.ChannelData);
        var teamId = channelData.TeamId;
        var tenantId = activity.Conversation.TenantId ?? channelData.TenantId;
        var type = ConversationTypeOf(activity.Conversation);

        var conversation = await Db.Conversations.FindAsync([conversationId], cancellationToken);
        if (conversation is null)
        {
            conversation = new ConversationRecord
            {
                Id = conversationId,
                ServiceUrl = activity.ServiceUrl!,
                ChannelId = activity.ChannelId ?? "msteams",
                ConversationType = type,
                FirstSeenAt = now,
            };
            Db.Conversations.Add(conversation);
        }

        conversation.ServiceUrl = activity.ServiceUrl!;
        conversation.TenantId = tenantId ?? conversation.TenantId;
        conversation.TeamId = teamId ?? conversation.TeamId;
        conversation.TeamName = channelData.TeamName ?? conversation.TeamName;
        conversation.Name = activity.Conversation.Name is { Length: > 0 } name ? name[..Math.Min(name.Length, MaxNameLength)] : conversation.Name;
        conversation.TeamAadGroupId = channelData.TeamAadGroupId ?? conversation.TeamAadGroupId;
        conversation.TeamsChannelId = channelData.ChannelId ?? conversation.TeamsChannelId;
        conversation.BotId = activity.Recipient?.Id ?? conversation.BotId;
        conversation.BotName = activity.Recipient?.Name ?? conversation.BotName;
        conversation.Locale = activity.Locale ?? conversation.Locale;
        conversation.LastSeenAt = now;
        conversation.IsActive = !IsRemoval(activity);
        // A new installation gets its own welcome.
        if (!conversation.IsActive) conversation.WelcomedAt = null;

        if (activity.From?.Id is { Length: > 0 } userId && activity.From.Role != "bot")
        {
            if (type == "personal") conversation.UserId = userId;
            await UpsertMemberAsync(activity.From, activity, tenantId, type == "personal" ? conversationId : null, now, cancellationToken);
            if ((teamId ?? ChatRoster(type, conversationId)) is { } rosterId) await AddTeamMemberAsync(rosterId, userId, now, cancellationToken);
        }

        foreach (var added in activity.MembersAdded ?? [])
        {
            if (added.Id is null || added.Id == activity.Recipient?.Id) continue;
            await UpsertMemberAsync(added, activity, tenantId, null, now, cancellationToken);
            if ((teamId ?? ChatRoster(type, conversationId)) is { } rosterId) await AddTeamMemberAsync(rosterId, added.Id, now, cancellationToken);
        }

        await Db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A group chat keeps its people in TeamMembers under its own conversation id (a reminder's audience can be the chat).</summary>
    private static string? ChatRoster(string type, string conversationId) => type == "groupChat" ? conversationId : null;

    public Task<ConversationRecord?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        Db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);

    public Task<MemberRecord?> FindMemberAsync(string memberId, CancellationToken cancellationToken) =>
        Db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);

    private async Task UpsertMemberAsync(ChannelAccount account, Activity activity, string? tenantId, string? personalConversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var member = Db.Members.Local.FirstOrDefault(m => m.Id == account.Id)
            ?? await Db.Members.FindAsync([account.Id!], cancellationToken);
        if (member is null)
        {
            member = new MemberRecord { Id = account.Id!, FirstSeenAt = now };
            Db.Members.Add(member);
        }

        member.AadObjectId = account.AadObjectId ?? member.AadObjectId;
        member.Name = account.Name ?? member.Name;
        member.TenantId = tenantId ?? member.TenantId;
        member.ServiceUrl = activity.ServiceUrl;
        member.PersonalConversationId = personalConversationId ?? member.PersonalConversationId;
        if (activity.From?.Id == account.Id)
        {
            member.Locale = activity.Locale ?? member.Locale;
            member.TimeZone = activity.LocalTimezone ?? member.TimeZone;
        }

        member.LastSeenAt = now;
    }

    private async Task AddTeamMemberAsync(string teamId, string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = Db.TeamMembers.Local.FirstOrDefault(t => t.TeamId == teamId && t.MemberId == memberId)
            ?? await Db.TeamMembers.FindAsync([teamId, memberId], cancellationToken);
        if (link is null)
        {
            Db.TeamMembers.Add(new TeamMemberRecord { TeamId = teamId, MemberId = memberId, SeenAt = now });
        }
        else
        {
            link.SeenAt = now;
        }
    }

    /// <summary>One of the three Teams conversation types; anything else a client sends is not stored as such.</summary>
    private static string ConversationTypeOf(ConversationAccount conversation) => conversation.ConversationType switch
    {
        "personal" or "groupChat" or "channel" => conversation.ConversationType,
        _ => conversation.IsGroup == true ? "groupChat" : "personal",
    };

    private static bool IsRemoval(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate && activity.Action is "remove")
        || (activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) ?? false);
}
