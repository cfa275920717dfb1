namespace OrganBot.Dialogs.Feedback;

/// <summary>Somewhere new ticket cards go: a channel, or an admin's 1:1 chat.</summary>
public sealed record AdminTarget(string? ConversationId, string? UserId, string Language);
