namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// A feature the router can hand turns to: by typed command, by card verb prefix, or because the user is
/// in the middle of one of its dialogs. Features are registered explicitly in DI, in order.
/// </summary>
public interface IFeature
{
    /// <summary>Typed commands that start the feature, compared after trimming and ignoring case ("暖心", "feedback").</summary>
    IReadOnlyCollection<string> Commands { get; }

    /// <summary>Card verbs of this feature start with this prefix, e.g. "feedback.".</summary>
    string VerbPrefix { get; }

    Task HandleCommandAsync(ITurnContext turn, string command, CancellationToken cancellationToken);

    Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken);

    /// <summary>Offers free text to the feature while the user is in one of its dialogs; false lets the router go on.</summary>
    Task<bool> TryContinueAsync(ITurnContext turn, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Leaves any dialog of this feature for this user and conversation (取消/cancel); true if there was one.</summary>
    Task<bool> CancelAsync(ITurnContext turn, CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>Answers free-text questions (the speech Q&amp;A). The router's last resort before the help text.</summary>
public interface IQuestionAnswerer
{
    Task HandleQuestionAsync(ITurnContext turn, CancellationToken cancellationToken);
}
