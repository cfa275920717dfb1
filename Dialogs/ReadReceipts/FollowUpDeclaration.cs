using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>The follow-up feature has no typed commands, only the buttons on the admin's announcement card.</summary>
public static class FollowUpDeclaration
{
    public static readonly FeatureDeclaration Feature = new("followups", "followup.", []);
}
