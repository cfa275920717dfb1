namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// A feature the router can hand turns to: by typed command, by card verb, or because the user is in the middle of one
/// of its dialogs. Its commands, verb prefix and continue words are declared in its <see cref="FeatureDeclaration"/>,
/// which the router reads without building the feature; the feature is registered under that declaration's name
/// (<c>AddFeature</c>) and resolved only for a turn that is for it.
/// </summary>
public interface IFeature
{
    /// <summary>Handles one of the commands its declaration lists (matched after trimming, ignoring case).</summary>
    Task HandleCommandAsync(ITurnContext turn, CommandDeclaration command, CancellationToken cancellationToken);

    /// <summary>Handles a card action whose verb starts with the declaration's verb prefix.</summary>
    Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken);

    /// <summary>Offered one of the declaration's continue words while the user may be in one of its dialogs; false lets the router go on.</summary>
    Task<bool> TryContinueAsync(ITurnContext turn, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Leaves any dialog of this feature for this user and conversation (取消/cancel); true if there was one.</summary>
    Task<bool> CancelAsync(ITurnContext turn, CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>Answers free-text questions (the speech Q&amp;A). The router's last resort before the help text.</summary>
public interface IQuestionAnswerer
{
    Task HandleQuestionAsync(ITurnContext turn, CancellationToken cancellationToken);
}
