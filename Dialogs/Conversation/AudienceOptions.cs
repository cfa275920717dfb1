namespace OrganBot.Dialogs.Conversation;

/// <summary><c>Audiences:*</c>: the named groups that reminders and announcements can be sent to.</summary>
public sealed class AudienceOptions
{
    public const string SectionName = "Audiences";

    /// <summary>Named lists of members' Entra object ids: <c>Audiences:Groups:支部委员 = [...]</c>.</summary>
    public Dictionary<string, List<string>> Groups { get; set; } = new(StringComparer.Ordinal);
}
