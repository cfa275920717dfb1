namespace OrganBot.Dialogs.Conversation;

/// <summary>An audience an admin can pick on a card.</summary>
public sealed record AudienceChoice(Audience Audience, string Title);
