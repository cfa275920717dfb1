namespace OrganBot.Dialogs.Conversation;

/// <summary>An audience an admin can pick on a card.</summary>
/// <param name="Title">The Chinese title.</param>
/// <param name="People">For a group chat without a name, the names of the people the bot knows there, to title it by.</param>
public sealed record AudienceChoice(Audience Audience, string Title, IReadOnlyList<string>? People = null);
