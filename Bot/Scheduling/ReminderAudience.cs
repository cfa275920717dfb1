using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Scheduling;

/// <summary>Resolves audiences from the conversation directory (Members, TeamMembers, Conversations) and Reminders:Groups.</summary>
internal sealed class ReminderAudience(BotDbContext db, IOptionsMonitor<ReminderOptions> options) : IReminderAudience
{
    public async Task<IReadOnlyList<ReminderRecipient>> ResolveRecipientsAsync(Audience audience, CancellationToken cancellationToken)
    {
        if (audience.Kind == AudienceKind.Channel)
        {
            var channel = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == audience.Value && c.IsActive, cancellationToken);
            return channel is null ? [] : [new ReminderRecipient(channel.Id, channel.TeamName, null, null, channel.Locale, IsConversation: true)];
        }

        return await ResolveMembersAsync(audience, cancellationToken);
    }

    public async Task<IReadOnlyList<ReminderRecipient>> ResolveMembersAsync(Audience audience, CancellationToken cancellationToken)
    {
        if (await MembersOfAsync(audience, cancellationToken) is not { } members) return [];
        var rows = await members.OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecipient)];
    }

    public async Task<bool> IncludesAsync(Audience audience, string memberId, string conversationId, CancellationToken cancellationToken)
    {
        // A channel's own conversation vouches for its people (a reply thread adds ";messageid=…" to the id).
        if (audience.Kind == AudienceKind.Channel && conversationId.Split(';')[0] == audience.Value) return true;
        return await MembersOfAsync(audience, cancellationToken) is { } members && await members.AnyAsync(m => m.Id == memberId, cancellationToken);
    }

    private async Task<IQueryable<MemberRecord>?> MembersOfAsync(Audience audience, CancellationToken cancellationToken)
    {
        IQueryable<MemberRecord> members = db.Members.AsNoTracking();
        switch (audience.Kind)
        {
            case AudienceKind.Team:
                return members.Where(m => db.TeamMembers.Any(t => t.TeamId == audience.Value && t.MemberId == m.Id));
            case AudienceKind.Channel:
                var teamId = await db.Conversations.AsNoTracking().Where(c => c.Id == audience.Value).Select(c => c.TeamId).FirstOrDefaultAsync(cancellationToken);
                return teamId is null ? null : members.Where(m => db.TeamMembers.Any(t => t.TeamId == teamId && t.MemberId == m.Id));
            case AudienceKind.Group:
                var ids = options.CurrentValue.Groups.TryGetValue(audience.Value, out var list) ? list : [];
                return members.Where(m => m.AadObjectId != null && ids.Contains(m.AadObjectId));
            default:
                return members;
        }
    }

    public async Task<ReminderRecipient?> FindMemberAsync(string memberId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        return member is null ? null : ToRecipient(member);
    }

    public async Task<IReadOnlyList<AudienceChoice>> ListChoicesAsync(CancellationToken cancellationToken)
    {
        var choices = new List<AudienceChoice> { new(Audience.All, "全体成员") };
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.IsActive && c.TeamId != null).ToListAsync(cancellationToken);
        foreach (var team in conversations.GroupBy(c => c.TeamId!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = team.Select(c => c.TeamName).FirstOrDefault(n => n is not null) ?? team.Key;
            choices.Add(new AudienceChoice(new Audience(AudienceKind.Team, team.Key), $"团队成员：{name}"));
        }

        foreach (var channel in conversations.Where(c => c.ConversationType == "channel").OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            choices.Add(new AudienceChoice(new Audience(AudienceKind.Channel, channel.Id), $"频道：{channel.TeamName ?? channel.TeamId}（{(channel.Id.Length > 24 ? channel.Id[..24] + "…" : channel.Id)}）"));
        }

        foreach (var group in options.CurrentValue.Groups.Keys.Order(StringComparer.Ordinal))
        {
            choices.Add(new AudienceChoice(new Audience(AudienceKind.Group, group), $"名单：{group}"));
        }

        return choices;
    }

    private static ReminderRecipient ToRecipient(MemberRecord m) => new(m.Id, m.Name, m.AadObjectId, m.TimeZone, m.Locale);
}
