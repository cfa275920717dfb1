namespace OrganBot.Dialogs.Conversation;

/// <summary>A typed command found in the <see cref="CommandCatalog"/>; <see cref="Feature"/> is null for the router's own.</summary>
public sealed record CommandMatch(FeatureDeclaration? Feature, CommandDeclaration Command);
