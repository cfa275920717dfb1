namespace OrganBot.Dialogs.Feedback;

/// <summary>Whether <see cref="IFeedbackStore.ApplyAsync"/> stored a change, or why not.</summary>
public enum ChangeOutcome { Applied, Stale, NotFound }
