using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Announcements;

/// <summary>Storage of announcements (port; EF in Bot).</summary>
public interface IAnnouncementStore
{
    Task<Announcement> AddAsync(Announcement announcement, CancellationToken cancellationToken);

    Task<Announcement?> FindAsync(long id, CancellationToken cancellationToken);

    Task SaveAsync(Announcement announcement, CancellationToken cancellationToken);

    /// <summary>Moves the state only if it is still <paramref name="from"/>; false if someone else moved it first.</summary>
    Task<bool> TryTransitionAsync(long id, AnnouncementState from, AnnouncementState to, CancellationToken cancellationToken);

    /// <summary>Stores (or, with null, drops) the edit waiting for approval; nothing else of the announcement changes.</summary>
    Task SetPendingEditAsync(long id, AnnouncementContent? edit, CancellationToken cancellationToken);

    /// <summary>Drops the waiting edit only if it is still <paramref name="edit"/>; false if it changed or someone else took it.</summary>
    Task<bool> TryTakePendingEditAsync(long id, AnnouncementContent edit, CancellationToken cancellationToken);

    Task<IReadOnlyList<Announcement>> ListRecentAsync(int count, CancellationToken cancellationToken);

    Task<IReadOnlyList<Announcement>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<Announcement>> ListSendingAsync(CancellationToken cancellationToken);
}

/// <summary>Expands an audience into recipients, reading team rosters from Teams where needed (port; Bot).</summary>
public interface IAudienceDirectory
{
    Task<IReadOnlyList<TeamChoice>> GetTeamsAsync(CancellationToken cancellationToken);

    IReadOnlyList<string> GroupNames { get; }

    Task<IReadOnlyList<DeliveryTarget>> ResolveAsync(Audience audience, CancellationToken cancellationToken);

    /// <summary>Users (29: ids) of the admins with these Entra object ids that the bot knows.</summary>
    Task<IReadOnlyList<string>> FindUsersAsync(IEnumerable<string> aadObjectIds, CancellationToken cancellationToken);
}

public sealed record TeamChoice(string TeamId, string Name);

/// <summary>Makes a download link for an announcement's per-recipient results (port; Bot serves the CSV).</summary>
public interface IAnnouncementExport
{
    Task<Uri> CreateLinkAsync(long announcementId, CancellationToken cancellationToken);
}
