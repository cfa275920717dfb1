namespace OrganBot.Dialogs.Announcements;

/// <summary><c>Announcements:*</c>.</summary>
public sealed class AnnouncementOptions
{
    public const string SectionName = "Announcements";

    /// <summary>Two-person rule: a second admin must approve before an announcement goes out.</summary>
    public bool RequireApproval { get; set; }

    /// <summary>How often the admin's progress card is refreshed while sending, and scheduled announcements are checked.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(3);
}
