using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Announcements;

public enum AnnouncementState { Draft, PendingApproval, Scheduled, Sending, Completed, Recalled, Cancelled }

public sealed record AnnouncementLink(string Title, string Url);

/// <summary>What recipients see: the same content feeds the preview and the sent card.</summary>
public sealed record AnnouncementContent(string Title, string Body, string? ImageUrl, IReadOnlyList<AnnouncementLink> Links);

/// <summary>An announcement and its life cycle. Ids come from the store.</summary>
public sealed record Announcement
{
    public long Id { get; init; }
    public required AnnouncementContent Content { get; init; }
    public required Audience Audience { get; init; }
    public AnnouncementState State { get; init; }
    public DateTimeOffset? ScheduledAt { get; init; }
    public required string AuthorAadObjectId { get; init; }
    public string? AuthorName { get; init; }
    public string? ApproverAadObjectId { get; init; }

    /// <summary>The admin's control card (preview, then progress), updated in place.</summary>
    public string? ControlConversationId { get; init; }

    public string? ControlActivityId { get; init; }

    /// <summary>Increases with every edit after sending; edits go out as batch "ann:{id}:r{revision}".</summary>
    public int Revision { get; init; }

    /// <summary>
    /// An edit of an approved announcement that waits for a second admin (with <c>Announcements:RequireApproval</c>):
    /// recipients keep <see cref="Content"/> until it is approved.
    /// </summary>
    public AnnouncementContent? PendingEdit { get; init; }

    public int RecipientCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Batch id of the first send, used for progress and export.</summary>
    public string BatchId => BatchFor(Id);

    public static string BatchFor(long id) => $"ann:{id}";
}
