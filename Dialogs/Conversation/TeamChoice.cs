namespace OrganBot.Dialogs.Conversation;

/// <summary>A team the bot is in, for audience pickers.</summary>
public sealed record TeamChoice(string TeamId, string Name);
