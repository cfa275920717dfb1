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

