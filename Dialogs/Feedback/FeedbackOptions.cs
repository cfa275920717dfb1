namespace OrganBot.Dialogs.Feedback;

public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>Public base URL of the bot, for the export download link (e.g. https://organbot.example.gov.cn).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>How long a 导出反馈 link stays valid; it works once.</summary>
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Folder of the Data Protection key ring that encrypts members' reply addresses (relative to the content root).</summary>
    public string KeyDirectory { get; set; } = "data/keys";
}
