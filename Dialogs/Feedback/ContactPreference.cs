namespace OrganBot.Dialogs.Feedback;

/// <summary>How the member would like to be contacted (beyond the bot's own replies).</summary>
public enum ContactPreference { BotOnly, TeamsChat, Phone, InPerson }
