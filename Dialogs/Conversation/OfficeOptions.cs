namespace OrganBot.Dialogs.Conversation;

/// <summary><c>Bot:*</c>: settings of the office the bot serves.</summary>
public sealed class OfficeOptions
{
    public const string SectionName = "Bot";

    /// <summary>The office's time zone (IANA id): new events, scheduled announcements, ticket numbers and times on cards and files.</summary>
    public string TimeZone { get; set; } = TimeZones.Beijing;
}
