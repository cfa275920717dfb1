namespace OrganBot.Dialogs.Feedback;

/// <summary>Where a ticket stands (see <see cref="TicketLifecycle"/>). Replies do not change the status.</summary>
public enum FeedbackStatus { New, Accepted, Routed, Resolved }
