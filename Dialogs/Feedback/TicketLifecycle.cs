using OrganBot.Cards.Feedback;

namespace OrganBot.Dialogs.Feedback;

/// <summary>
/// The ticket state machine: New → Accepted → Routed → Resolved. Routing and resolving are allowed from any open
/// status, replies keep the status, and a resolved ticket takes no admin action, only the member's one rating.
/// Features ask it what a click may do; the store applies the change only at the version the card showed.
/// </summary>
public static class TicketLifecycle
{
    /// <summary>What <paramref name="action"/> would change, or why it may not happen to the ticket as it stands.</summary>
    public static TicketDecision Decide(FeedbackTicket ticket, TicketChange change, TicketAction action, HandlingUnit? unit, string? reply)
    {
        if (ticket.Status == FeedbackStatus.Resolved) return new(TicketRefusal.Resolved, null);
        switch (action)
        {
            case TicketAction.Accept:
                return ticket.Status != FeedbackStatus.New
                    ? new(TicketRefusal.AlreadyAccepted, null)
                    : new(TicketRefusal.None, change with { NewStatus = FeedbackStatus.Accepted });
            case TicketAction.Route:
                return unit is null
                    ? new(TicketRefusal.NoUnit, null)
                    : new(TicketRefusal.None, change with { NewStatus = FeedbackStatus.Routed, NewUnit = unit });
            case TicketAction.Reply:
                var text = (reply ?? "").Trim();
                if (text.Length == 0) return new(TicketRefusal.EmptyReply, null);
                if (text.Length > FeedbackText.MaxContentLength) return new(TicketRefusal.ReplyTooLong, null);
                return new(TicketRefusal.None, change with { ReplyText = text });
            default:
                return new(TicketRefusal.None, change with { NewStatus = FeedbackStatus.Resolved });
        }
    }

    /// <summary>A member rates a ticket once, and only after it is resolved.</summary>
    public static bool CanRate(FeedbackTicket ticket) => ticket.Rating is null && ticket.Status == FeedbackStatus.Resolved;
}
