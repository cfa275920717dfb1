namespace OrganBot.Dialogs.Feedback;

/// <summary>Why <see cref="TicketLifecycle"/> refused an admin action; <see cref="None"/> when it may go ahead.</summary>
public enum TicketRefusal { None, Resolved, AlreadyAccepted, NoUnit, EmptyReply, ReplyTooLong }
