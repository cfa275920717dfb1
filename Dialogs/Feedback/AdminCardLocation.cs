namespace OrganBot.Dialogs.Feedback;

/// <summary>Where an admin card was posted, so it can be updated in place.</summary>
public sealed record AdminCardLocation(string ConversationId, string ActivityId, string Language);
