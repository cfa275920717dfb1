using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Announcements;

internal sealed class EfAnnouncementStore(BotDbContext db) : IAnnouncementStore
{
    private DbSet<AnnouncementRecord> Rows => db.Set<AnnouncementRecord>();

    public async Task<Announcement> AddAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        var row = new AnnouncementRecord { Title = "", Body = "", LinksJson = "[]", AuthorAadObjectId = announcement.AuthorAadObjectId };
        Copy(announcement, row);
        Rows.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return announcement with { Id = row.Id };
    }

    public async Task<Announcement?> FindAsync(long id, CancellationToken cancellationToken) =>
        await Rows.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } row ? ToModel(row) : null;

    public async Task SaveAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        var row = await Rows.FirstAsync(a => a.Id == announcement.Id, cancellationToken);
        Copy(announcement, row);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> TryTransitionAsync(long id, AnnouncementState from, AnnouncementState to, CancellationToken cancellationToken) =>
        await Rows.Where(a => a.Id == id && a.State == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, to), cancellationToken) == 1;

    public async Task SetPendingEditAsync(long id, AnnouncementContent? edit, CancellationToken cancellationToken)
    {
        var json = edit is null ? null : Serialize(edit);
        await Rows.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PendingEditJson, json), cancellationToken);
    }

    public async Task<bool> TryTakePendingEditAsync(long id, AnnouncementContent edit, CancellationToken cancellationToken)
    {
        var json = Serialize(edit);
        return await Rows.Where(a => a.Id == id && a.PendingEditJson == json)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PendingEditJson, (string?)null), cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<Announcement>> ListRecentAsync(int count, CancellationToken cancellationToken) =>
        [.. (await Rows.AsNoTracking().OrderByDescending(a => a.Id).Take(count).ToListAsync(cancellationToken)).Select(ToModel)];

    public async Task<IReadOnlyList<Announcement>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. (await Rows.AsNoTracking().Where(a => a.State == AnnouncementState.Scheduled && a.ScheduledAt <= now).ToListAsync(cancellationToken)).Select(ToModel)];

    public async Task<IReadOnlyList<Announcement>> ListSendingAsync(CancellationToken cancellationToken) =>
        [.. (await Rows.AsNoTracking().Where(a => a.State == AnnouncementState.Sending).ToListAsync(cancellationToken)).Select(ToModel)];

    private static void Copy(Announcement a, AnnouncementRecord row)
    {
        row.Title = a.Content.Title;
        row.Body = a.Content.Body;
        row.ImageUrl = a.Content.ImageUrl;
        row.LinksJson = JsonSerializer.Serialize(a.Content.Links, JsonSerializerOptions.Web);
        row.AudienceKind = a.Audience.Kind;
        row.AudienceKey = a.Audience.Key;
        row.AudienceLabel = a.Audience.Label;
        row.State = a.State;
        row.ScheduledAt = a.ScheduledAt?.ToUniversalTime();
        row.AuthorAadObjectId = a.AuthorAadObjectId;
        row.AuthorName = a.AuthorName;
        row.ApproverAadObjectId = a.ApproverAadObjectId;
        row.ControlConversationId = a.ControlConversationId;
        row.ControlActivityId = a.ControlActivityId;
        row.Revision = a.Revision;
        row.RecipientCount = a.RecipientCount;
        row.CreatedAt = a.CreatedAt.ToUniversalTime();
        row.SentAt = a.SentAt?.ToUniversalTime();
    }

    /// <summary>The pending edit as stored; also what <see cref="TryTakePendingEditAsync"/> compares, so it must be stable.</summary>
    private static string Serialize(AnnouncementContent content) => JsonSerializer.Serialize(new StoredContent(content.Title, content.Body, content.ImageUrl, [.. content.Links]), JsonSerializerOptions.Web);

    private static AnnouncementContent Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredContent>(json, JsonSerializerOptions.Web)!;
        return new AnnouncementContent(stored.Title, stored.Body, stored.ImageUrl, stored.Links ?? []);
    }

    private sealed record StoredContent(string Title, string Body, string? ImageUrl, List<AnnouncementLink>? Links);

    internal static Announcement ToModel(AnnouncementRecord row) => new()
    {
        Id = row.Id,
        Content = new AnnouncementContent(row.Title, row.Body, row.ImageUrl, JsonSerializer.Deserialize<List<AnnouncementLink>>(row.LinksJson, JsonSerializerOptions.Web) ?? []),
        PendingEdit = row.PendingEditJson is null ? null : Deserialize(row.PendingEditJson),
        Audience = new Audience(row.AudienceKind, row.AudienceKey, row.AudienceLabel),
        State = row.State,
        ScheduledAt = row.ScheduledAt,
        AuthorAadObjectId = row.AuthorAadObjectId,
        AuthorName = row.AuthorName,
        ApproverAadObjectId = row.ApproverAadObjectId,
        ControlConversationId = row.ControlConversationId,
        ControlActivityId = row.ControlActivityId,
        Revision = row.Revision,
        RecipientCount = row.RecipientCount,
        CreatedAt = row.CreatedAt,
        SentAt = row.SentAt,
    };
}
