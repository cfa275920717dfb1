namespace OrganBot.Dialogs.Conversation;

/// <summary>The Teams scopes whose command menu (manifest <c>commandLists</c>) lists a command.</summary>
[Flags]
public enum CommandScopes
{
    None = 0,
    Personal = 1,
    Team = 2,
    GroupChat = 4,
    TeamAndGroupChat = Team | GroupChat,
    Everywhere = Personal | Team | GroupChat,
}
