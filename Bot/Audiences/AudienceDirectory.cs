using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.Storage;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Audiences;

/// <summary>
/// Resolves audiences from the conversation directory (Members, TeamMembers, Conversations) and Audiences:Groups. When
/// asked, team rosters are read from Teams (paged members, docs/protocol.md §3.1) so members who never talked to the bot are
/// included; they are stored in Members/TeamMembers for next time.
/// </summary>
internal sealed partial class AudienceDirectory(
    BotDbContext db,
    DeliverySender sender,
    DeliveryPacer pacer,
    IOptionsMonitor<AudienceOptions> options,
    TimeProvider time,
    ILogger<AudienceDirectory> logger) : IAudienceDirectory
{
    private const int PageSize = 500;

    public IReadOnlyList<string> GroupNames => [.. options.CurrentValue.Groups.Keys.Order(StringComparer.Ordinal)];

    public async Task<IReadOnlyList<TeamChoice>> GetTeamsAsync(CancellationToken cancellationToken)
    {
        var teams = await db.Conversations.AsNoTracking().Where(c => c.TeamId != null && c.IsActive)
            .Select(c => new { c.TeamId, c.TeamName, c.LastSeenAt }).ToListAsync(cancellationToken);
        return [.. teams.GroupBy(t => t.TeamId!).Select(g => new TeamChoice(g.Key, g.OrderByDescending(t => t.LastSeenAt).Select(t => t.TeamName).FirstOrDefault(n => n != null) ?? g.Key))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<AudienceChoice>> ListChoicesAsync(CancellationToken cancellationToken)
    {
        // Labels carry the bare name so a card can title the choice in the member's language (the Title stays Chinese).
        var choices = new List<AudienceChoice> { new(Audience.All, "全体成员") };
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.IsActive && (c.TeamId != null || c.ConversationType == "groupChat")).ToListAsync(cancellationToken);
        var teams = conversations.Where(c => c.TeamId != null).ToList();
        foreach (var team in teams.GroupBy(c => c.TeamId!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = team.Select(c => c.TeamName).FirstOrDefault(n => n is not null) ?? team.Key;
            choices.Add(new AudienceChoice(new Audience(AudienceKind.Team, team.Key, name), $"团队成员：{name}"));
        }

        foreach (var channel in teams.Where(c => c.ConversationType == "channel").OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var label = $"{channel.TeamName ?? channel.TeamId}（{Short(channel.Id)}）";
            choices.Add(new AudienceChoice(new Audience(AudienceKind.Channel, channel.Id, label), $"频道：{label}"));
        }

        var chats = conversations.Where(c => c.ConversationType == "groupChat").ToList();
        if (chats.Count > 0)
        {
            // A chat is titled by its Teams name, else by the people the bot knows there (in the order it met them).
            var chatIds = chats.Select(c => c.Id).ToList();
            var people = (await db.TeamMembers.AsNoTracking().Where(t => chatIds.Contains(t.TeamId))
                    .Join(db.Members.AsNoTracking(), t => t.MemberId, m => m.Id, (t, m) => new { t.TeamId, t.SeenAt, m.Id, m.Name })
                    .ToListAsync(cancellationToken))
                .GroupBy(p => p.TeamId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.OrderBy(p => p.SeenAt).ThenBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Name).OfType<string>().Where(n => n.Length > 0)]);
            choices.AddRange(chats
                .Select(chat => (Chat: chat, People: people.TryGetValue(chat.Id, out var names) ? names : []))
                .Select(c => new AudienceChoice(new Audience(AudienceKind.GroupChat, c.Chat.Id, c.Chat.Name), GroupChatTitle.Format(c.Chat.Name, c.People, UiLanguage.Chinese), c.People))
                .OrderBy(c => c.Title, StringComparer.Ordinal).ThenBy(c => c.Audience.Key, StringComparer.Ordinal));
        }

        foreach (var group in GroupNames)
        {
            choices.Add(new AudienceChoice(new Audience(AudienceKind.Group, group, group), $"名单：{group}"));
        }

        return choices;
    }

    private static string Short(string id) => id.Length > 24 ? id[..24] + "…" : id;

    public async Task<IReadOnlyList<AudienceRecipient>> ResolveRecipientsAsync(Audience audience, bool readRosters, CancellationToken cancellationToken)
    {
        switch (audience.Kind)
        {
            case AudienceKind.Channel or AudienceKind.GroupChat:
                if (audience.Kind == AudienceKind.GroupChat && readRosters) await RefreshRosterAsync(audience.Key ?? "", cancellationToken);
                var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == audience.Key && c.IsActive, cancellationToken);
                return conversation is null ? [] : [ToRecipient(conversation)];
            case AudienceKind.AllTeamChannels:
                var channels = new List<AudienceRecipient>();
                foreach (var team in await GetTeamsAsync(cancellationToken))
                {
                    if (await EnsureGeneralChannelAsync(team.TeamId, cancellationToken) is { } general) channels.Add(ToRecipient(general));
                }

                return channels;
            case AudienceKind.AllMembers when readRosters:
                foreach (var team in await GetTeamsAsync(cancellationToken)) await RefreshRosterAsync(team.TeamId, cancellationToken);
                break;
            case AudienceKind.Team when readRosters:
                await RefreshRosterAsync(audience.Key ?? "", cancellationToken);
                break;

            default:
                break;
        }

        // A member without a service URL cannot be reached in a 1:1 chat.
        return [.. (await MembersOfAsync(audience, null, cancellationToken)).Where(m => m.ServiceUrl != null).Select(ToRecipient)];
    }

    public async Task<IReadOnlyList<AudienceRecipient>> ResolveMembersAsync(Audience audience, CancellationToken cancellationToken) =>
        [.. (await MembersOfAsync(audience, null, cancellationToken)).Select(ToRecipient)];

    public async Task<bool> IncludesAsync(Audience audience, string memberId, string conversationId, CancellationToken cancellationToken)
    {
        // A channel's or group chat's own conversation vouches for its people (a reply thread adds ";messageid=…" to the id).
        if (audience.Kind is AudienceKind.Channel or AudienceKind.GroupChat && conversationId.Split(';')[0] == audience.Key) return true;
        return (await MembersOfAsync(audience, memberId, cancellationToken)).Count > 0;
    }

    public async Task<AudienceRecipient?> FindMemberAsync(string memberId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        return member is null ? null : ToRecipient(member);
    }

    public async Task<IReadOnlyList<string>> FindUsersAsync(IEnumerable<string> aadObjectIds, CancellationToken cancellationToken)
    {
        var wanted = aadObjectIds.Select(a => a.ToLowerInvariant()).ToList();
        if (wanted.Count == 0) return [];
        var members = await db.Members.AsNoTracking().Where(m => m.AadObjectId != null && m.ServiceUrl != null).Select(m => new { m.Id, m.AadObjectId }).ToListAsync(cancellationToken);
        return [.. members.Where(m => wanted.Contains(m.AadObjectId!.ToLowerInvariant())).Select(m => m.Id).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The people of the audience as stored (only <paramref name="onlyMemberId"/> when given), ordered by id.</summary>
    private async Task<List<MemberRecord>> MembersOfAsync(Audience audience, string? onlyMemberId, CancellationToken cancellationToken)
    {
        var members = db.Members.AsNoTracking();
        if (onlyMemberId is not null) members = members.Where(m => m.Id == onlyMemberId);
        switch (audience.Kind)
        {
            case AudienceKind.AllMembers:
                break;
            case AudienceKind.Team:
                members = members.Where(m => db.TeamMembers.Any(t => t.TeamId == audience.Key && t.MemberId == m.Id));
                break;
            case AudienceKind.Channel:
                var teamId = await db.Conversations.AsNoTracking().Where(c => c.Id == audience.Key).Select(c => c.TeamId).FirstOrDefaultAsync(cancellationToken);
                if (teamId is null) return [];
                members = members.Where(m => db.TeamMembers.Any(t => t.TeamId == teamId && t.MemberId == m.Id));
                break;
            case AudienceKind.AllTeamChannels:
                // Group chats keep their rosters in TeamMembers too (keyed by the chat's id); only teams count here.
                members = members.Where(m => db.TeamMembers.Any(t => t.MemberId == m.Id && db.Conversations.Any(c => c.TeamId == t.TeamId)));
                break;
            case AudienceKind.GroupChat:
                // The chat's roster: who wrote or was added there, and what Teams listed when the reminder was posted.
                members = members.Where(m => db.TeamMembers.Any(t => t.TeamId == audience.Key && t.MemberId == m.Id));
                break;
            case AudienceKind.Group:
                // Entra object ids compare without case: configuration may spell them in capitals.
                var ids = new HashSet<string>(options.CurrentValue.Groups.TryGetValue(audience.Key ?? "", out var list) ? list : [], StringComparer.OrdinalIgnoreCase);
                if (ids.Count == 0) return [];
                return [.. (await members.Where(m => m.AadObjectId != null).OrderBy(m => m.Id).ToListAsync(cancellationToken)).Where(m => ids.Contains(m.AadObjectId!))];
            default:
                return [];
        }

        return await members.OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A member as a recipient, in the language proactive messages use (a Chinese writer in an en-US client reads Chinese).</summary>
    private static AudienceRecipient ToRecipient(MemberRecord m) => new(m.Id, m.Name, m.AadObjectId, m.TimeZone, m.ProactiveLocale);

    private static AudienceRecipient ToRecipient(ConversationRecord c) => new(c.Id, c.TeamName, null, null, c.Locale, IsConversation: true);

    /// <summary>The General channel's conversation id is the team id; store it if the bot only saw other channels.</summary>
    private async Task<ConversationRecord?> EnsureGeneralChannelAsync(string teamId, CancellationToken cancellationToken)
    {
        if (await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == teamId, cancellationToken) is { } general) return general;
        var any = await db.Conversations.AsNoTracking().Where(c => c.TeamId == teamId).OrderByDescending(c => c.LastSeenAt).FirstOrDefaultAsync(cancellationToken);
        if (any is null) return null;
        var now = time.GetUtcNow();
        var added = new ConversationRecord
        {
            Id = teamId, ServiceUrl = any.ServiceUrl, ChannelId = any.ChannelId, ConversationType = "channel", TenantId = any.TenantId,
            TeamId = teamId, TeamName = any.TeamName, TeamAadGroupId = any.TeamAadGroupId, TeamsChannelId = teamId,
            BotId = any.BotId, BotName = any.BotName, Locale = any.Locale, FirstSeenAt = now, LastSeenAt = now,
        };
        db.Conversations.Add(added);
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Reads the roster of a team (by team id) or a group chat (by its conversation id) from Teams into TeamMembers.</summary>
    private async Task RefreshRosterAsync(string teamId, CancellationToken cancellationToken)
    {
        var team = await db.Conversations.AsNoTracking().Where(c => c.TeamId == teamId || (c.Id == teamId && c.ConversationType == "groupChat"))
            .OrderByDescending(c => c.LastSeenAt).FirstOrDefaultAsync(cancellationToken);
        if (team is null) return;
        var connector = sender.CreateConnector();
        var now = time.GetUtcNow();
        string? continuation = null;
        var pages = 0;
        try
        {
            do
            {
                var slot = await pacer.AcquireAsync(team.TenantId, "roster:" + teamId, cancellationToken);
                PagedMembersResult page;
                try
                {
                    page = await connector.GetPagedMembersAsync(team.ServiceUrl, teamId, continuation, PageSize, cancellationToken);
                }
                finally
                {
                    slot.Answered();
                }

                foreach (var account in page.Members ?? [])
                {
                    if (account.Id is not { Length: > 0 } memberId) continue;
                    var member = db.Members.Local.FirstOrDefault(m => m.Id == memberId) ?? await db.Members.FindAsync([memberId], cancellationToken);
                    if (member is null)
                    {
                        member = new MemberRecord { Id = memberId, FirstSeenAt = now, LastSeenAt = now };
                        db.Members.Add(member);
                    }

                    member.AadObjectId = account.AadObjectId ?? member.AadObjectId;
                    member.Name = account.Name ?? member.Name;
                    member.TenantId ??= team.TenantId;
                    member.ServiceUrl ??= team.ServiceUrl;
                    if (db.TeamMembers.Local.FirstOrDefault(t => t.TeamId == teamId && t.MemberId == memberId) is null
                        && await db.TeamMembers.FindAsync([teamId, memberId], cancellationToken) is null)
                    {
                        db.TeamMembers.Add(new TeamMemberRecord { TeamId = teamId, MemberId = memberId, SeenAt = now });
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                continuation = page.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(continuation) && ++pages < 1000);
        }
        catch (ConnectorException ex)
        {
            // Send to the members we already know rather than not at all.
            LogRosterFailed(logger, ex, teamId);
        }
        catch (DbUpdateException ex)
        {
            // Another run (an instance, or the scheduled job beside an admin's 现在发送) stored the same new member first.
            db.ChangeTracker.Clear();
            LogRosterRaced(logger, ex, teamId);
        }
    }

    [LoggerMessage(EventId = 8202, Level = LogLevel.Information, Message = "Roster of {TeamId} was stored by another run at the same time; using the stored members")]
    private static partial void LogRosterRaced(ILogger logger, Exception exception, string teamId);

    [LoggerMessage(EventId = 8201, Level = LogLevel.Warning, Message = "Could not read the roster of team {TeamId}; using the stored members")]
    private static partial void LogRosterFailed(ILogger logger, Exception exception, string teamId);
}
