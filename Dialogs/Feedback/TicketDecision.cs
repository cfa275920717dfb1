namespace OrganBot.Dialogs.Feedback;

/// <summary>The outcome of <see cref="TicketLifecycle.Decide"/>: the change to store, or the refusal.</summary>
public readonly record struct TicketDecision(TicketRefusal Refusal, TicketChange? Change);
