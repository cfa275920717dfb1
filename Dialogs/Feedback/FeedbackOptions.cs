namespace OrganBot.Dialogs.Feedback;

public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>Folder of the Data Protection key ring that encrypts members' reply addresses (relative to the content root).</summary>
    public string KeyDirectory { get; set; } = "data/keys";
}
