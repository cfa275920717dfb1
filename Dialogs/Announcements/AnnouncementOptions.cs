namespace OrganBot.Dialogs.Announcements;

/// <summary><c>Announcements:*</c>.</summary>
public sealed class AnnouncementOptions
{
    public const string SectionName = "Announcements";

    /// <summary>Two-person rule: a second admin must approve before an announcement goes out.</summary>
    public bool RequireApproval { get; set; }

    /// <summary>Named audiences, e.g. "机关工会": list of members' Entra object ids.</summary>
    public Dictionary<string, List<string>> Groups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Time zone of "send at a time" (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How often the admin's progress card is refreshed while sending, and scheduled announcements are checked.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(3);
}
