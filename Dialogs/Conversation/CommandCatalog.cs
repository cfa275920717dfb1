namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// Every typed command and card-verb prefix, read from the features' declarations (and the router's own
/// <see cref="RouterCommands"/>), in registration order. The router matches against it without building a feature;
/// help, the welcome card, the admin card and the manifest test list commands from it. A word or verb prefix claimed
/// twice throws when the catalog is built (the manifest test builds it from the real registrations), so no command can
/// shadow another.
/// </summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, CommandMatch> _byWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FeatureDeclaration> _continueWords = new(StringComparer.OrdinalIgnoreCase);

    public CommandCatalog(IEnumerable<FeatureDeclaration> features)
    {
        Features = [.. features];
        foreach (var command in RouterCommands.All) Add(new CommandMatch(null, command));
        foreach (var feature in Features)
        {
            if (feature.VerbPrefix is { } prefix && Features.Any(f => f != feature && f.VerbPrefix is { } other && (other.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(other, StringComparison.Ordinal))))
            {
                throw new InvalidOperationException($"Card verb prefix '{prefix}' of feature '{feature.Name}' overlaps another feature's.");
            }

            foreach (var command in feature.Commands) Add(new CommandMatch(feature, command));
            foreach (var word in feature.ContinueWords) _continueWords.TryAdd(word, feature);
        }

        Commands = [.. RouterCommands.All, .. Features.SelectMany(f => f.Commands)];
    }

    /// <summary>The features, in the order they were registered.</summary>
    public IReadOnlyList<FeatureDeclaration> Features { get; }

    /// <summary>Every command: the router's own first, then each feature's in registration order.</summary>
    public IReadOnlyList<CommandDeclaration> Commands { get; }

    /// <summary>The command <paramref name="text"/> (already trimmed) names, ignoring case; null if it is no command.</summary>
    public CommandMatch? FindCommand(string text) => _byWord.GetValueOrDefault(text);

    /// <summary>The feature whose card verbs start like <paramref name="verb"/>.</summary>
    public FeatureDeclaration? FindByVerb(string verb)
    {
        foreach (var feature in Features)
        {
            if (feature.VerbPrefix is { } prefix && verb.StartsWith(prefix, StringComparison.Ordinal)) return feature;
        }

        return null;
    }

    /// <summary>The feature one of whose dialogs <paramref name="text"/> (already trimmed) may continue, if any.</summary>
    public FeatureDeclaration? FindContinuation(string text) => _continueWords.GetValueOrDefault(text);

    /// <summary>The commands of one group, in catalog order.</summary>
    public IEnumerable<CommandDeclaration> InGroup(CommandGroup group) => Commands.Where(c => c.Group == group);

    private void Add(CommandMatch match)
    {
        foreach (var word in match.Command.Words)
        {
            if (!_byWord.TryAdd(word.Trim(), match))
            {
                throw new InvalidOperationException($"Command word '{word}' is declared by both '{_byWord[word.Trim()].Command.Key}' and '{match.Command.Key}'.");
            }
        }
    }
}
