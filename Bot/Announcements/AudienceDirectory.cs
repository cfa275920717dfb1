using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.Announcements;

/// <summary>
/// Expands audiences from the conversation directory. Team rosters are read from Teams (paged members, protocol.md §3.1)
/// so members who never talked to the bot are included; they are stored in Members/TeamMembers for next time.
/// </summary>
internal sealed partial class AudienceDirectory(
    BotDbContext db,
    DeliverySender sender,
    DeliveryPacer pacer,
    IOptionsMonitor<AnnouncementOptions> options,
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

    public async Task<IReadOnlyList<DeliveryTarget>> ResolveAsync(Audience audience, CancellationToken cancellationToken)
    {
        switch (audience.Kind)
        {
            case AudienceKind.AllMembers:
                foreach (var team in await GetTeamsAsync(cancellationToken)) await RefreshRosterAsync(team.TeamId, cancellationToken);
                return [.. (await db.Members.AsNoTracking().Where(m => m.ServiceUrl != null).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken))
                    .Select(id => new DeliveryTarget.User(id))];
            case AudienceKind.AllTeamChannels:
                var targets = new List<DeliveryTarget>();
                foreach (var team in await GetTeamsAsync(cancellationToken))
                {
                    if (await EnsureGeneralChannelAsync(team.TeamId, cancellationToken)) targets.Add(new DeliveryTarget.Conversation(team.TeamId));
                }

                return targets;
            case AudienceKind.Team:
                await RefreshRosterAsync(audience.Key!, cancellationToken);
                return [.. (await db.TeamMembers.AsNoTracking().Where(t => t.TeamId == audience.Key).OrderBy(t => t.MemberId).Select(t => t.MemberId).ToListAsync(cancellationToken))
                    .Select(id => new DeliveryTarget.User(id))];
            default:
                var ids = options.CurrentValue.Groups.TryGetValue(audience.Key ?? "", out var list) ? list : [];
                return [.. (await FindUsersAsync(ids, cancellationToken)).Select(id => new DeliveryTarget.User(id))];
        }
    }

    public async Task<IReadOnlyList<string>> FindUsersAsync(IEnumerable<string> aadObjectIds, CancellationToken cancellationToken)
    {
        var wanted = aadObjectIds.Select(a => a.ToLowerInvariant()).ToList();
        if (wanted.Count == 0) return [];
        var members = await db.Members.AsNoTracking().Where(m => m.AadObjectId != null && m.ServiceUrl != null).Select(m => new { m.Id, m.AadObjectId }).ToListAsync(cancellationToken);
        return [.. members.Where(m => wanted.Contains(m.AadObjectId!.ToLowerInvariant())).Select(m => m.Id).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The General channel's conversation id is the team id; store it if the bot only saw other channels.</summary>
    private async Task<bool> EnsureGeneralChannelAsync(string teamId, CancellationToken cancellationToken)
    {
        if (await db.Conversations.AnyAsync(c => c.Id == teamId, cancellationToken)) return true;
        var any = await db.Conversations.AsNoTracking().Where(c => c.TeamId == teamId).OrderByDescending(c => c.LastSeenAt).FirstOrDefaultAsync(cancellationToken);
        if (any is null) return false;
        var now = time.GetUtcNow();
        db.Conversations.Add(new ConversationRecord
        {
            Id = teamId, ServiceUrl = any.ServiceUrl, ChannelId = any.ChannelId, ConversationType = "channel", TenantId = any.TenantId,
            TeamId = teamId, TeamName = any.TeamName, TeamAadGroupId = any.TeamAadGroupId, TeamsChannelId = teamId,
            BotId = any.BotId, BotName = any.BotName, Locale = any.Locale, FirstSeenAt = now, LastSeenAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task RefreshRosterAsync(string teamId, CancellationToken cancellationToken)
    {
        var team = await db.Conversations.AsNoTracking().Where(c => c.TeamId == teamId).OrderByDescending(c => c.LastSeenAt).FirstOrDefaultAsync(cancellationToken);
        if (team is null) return;
        var connector = sender.CreateConnector();
        var now = time.GetUtcNow();
        string? continuation = null;
        var pages = 0;
        try
        {
            do
            {
                await pacer.AcquireAsync(team.TenantId, "roster:" + teamId, cancellationToken);
                var page = await connector.GetPagedMembersAsync(team.ServiceUrl, teamId, continuation, PageSize, cancellationToken);
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
        catch (Dialogs.Conversation.ConnectorException ex)
        {
            // Send to the members we already know rather than not at all.
            LogRosterFailed(logger, ex, teamId);
        }
    }

    [LoggerMessage(EventId = 8201, Level = LogLevel.Warning, Message = "Could not read the roster of team {TeamId}; using the stored members")]
    private static partial void LogRosterFailed(ILogger logger, Exception exception, string teamId);
}
