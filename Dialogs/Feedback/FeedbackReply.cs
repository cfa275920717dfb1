namespace OrganBot.Dialogs.Feedback;

/// <summary>An admin's reply to a ticket, as the member and the admin cards show it.</summary>
public sealed record FeedbackReply(DateTimeOffset At, string AdminName, string Text);
