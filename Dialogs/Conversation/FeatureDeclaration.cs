namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// What the router needs to know of a feature without building it: its typed commands, the prefix of its card verbs,
/// and which free text may continue one of its dialogs. The feature itself is resolved from the turn's scope (keyed by
/// <see cref="Name"/>) only when a turn is for it.
/// </summary>
public sealed record FeatureDeclaration(string Name, string? VerbPrefix, IReadOnlyList<CommandDeclaration> Commands)
{
    /// <summary>Free text (compared trimmed, ignoring case) that may resume one of the feature's dialogs, e.g. 继续.</summary>
    public IReadOnlyCollection<string> ContinueWords { get; init; } = [];

    /// <summary>True if the feature keeps dialogs that 取消 must end.</summary>
    public bool HasDialogs { get; init; }
}
