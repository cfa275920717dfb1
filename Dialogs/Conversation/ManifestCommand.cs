namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// A command's entry in appPackage/manifest.json's <c>commandLists</c>: Teams sends <see cref="Title"/> as the message
/// when a member picks it, so the title is always one of the command's words.
/// </summary>
public sealed record ManifestCommand(string Title, string Description, CommandScopes Scopes);
