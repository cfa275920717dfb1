namespace OrganBot.Cards.Feedback;

/// <summary>An admin's reply as the ticket cards show it.</summary>
public sealed record FeedbackReplyView(DateTimeOffset At, string AdminName, string Text);
