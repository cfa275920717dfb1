using System.ComponentModel.DataAnnotations;

namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>The follow-up keys of <c>Announcements:*</c> (read alongside <see cref="Announcements.AnnouncementOptions"/>).</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "Announcements";

    /// <summary>At most this many follow-ups per member (or channel) per announcement, however often an admin asks.</summary>
    [Range(0, 10, ErrorMessage = "Announcements:MaxFollowUpsPerMember must be between 0 and 10.")]
    public int MaxFollowUpsPerMember { get; set; } = 1;

    /// <summary>The automatic follow-up chosen at compose time goes out this long after the announcement was sent.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Announcements:FollowUpAfter must be between 1 second and 30 days.")]
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often due automatic follow-ups and reminder nudges are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Announcements:FollowUpCheckInterval must be between 50 ms and 1 hour.")]
    public TimeSpan FollowUpCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
