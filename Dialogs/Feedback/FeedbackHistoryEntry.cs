namespace OrganBot.Dialogs.Feedback;

/// <summary>One line of a ticket's history: who did what, when.</summary>
public sealed record FeedbackHistoryEntry(DateTimeOffset At, string Actor, string Action, string? Detail);
