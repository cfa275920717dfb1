using OrganBot.Dialogs.Engine;

namespace OrganBot.Dialogs.Feedback;

/// <summary>
/// Port: tickets, history, replies, ratings, admin-card locations and the feedback settings. The member's user id
/// is only ever written as a protected reply address and a per-ticket owner tag; the notifier queues notices under
/// <see cref="GetProtectedReplyAddressAsync"/>, and only the delivery pipeline, at send time, turns it back into a user id.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>
    /// Creates the ticket with the next number of the year, in one transaction with ending the dialog whose card was
    /// pressed. Null when that card was already used (double click, replay): nothing is created.
    /// </summary>
    Task<FeedbackTicket?> CreateTicketAsync(NewFeedback feedback, DialogState claimedDialog, CancellationToken cancellationToken);

    Task<FeedbackTicket?> FindAsync(string number, CancellationToken cancellationToken);

    /// <summary>The ticket only if <paramref name="memberUserId"/> submitted it.</summary>
    Task<FeedbackTicket?> FindForMemberAsync(string number, string memberUserId, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackTicket>> ListForMemberAsync(string memberUserId, int take, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackTicket>> ListAsync(TicketFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackHistoryEntry>> GetHistoryAsync(long ticketId, CancellationToken cancellationToken);

    /// <summary>Applies an admin change if the ticket is still at the expected version; writes history.</summary>
    Task<(ChangeOutcome Outcome, FeedbackTicket? Ticket)> ApplyAsync(TicketChange change, CancellationToken cancellationToken);

    /// <summary>Stores the member's rating once; false if the ticket is not theirs, not resolved or already rated.</summary>
    Task<FeedbackTicket?> RateAsync(string number, string memberUserId, SatisfactionRating rating, string? comment, CancellationToken cancellationToken);

    /// <summary>The reply address as stored (protected): notices are queued under it and it is unprotected only when sent.</summary>
    Task<string?> GetProtectedReplyAddressAsync(long ticketId, CancellationToken cancellationToken);

    Task AddAdminCardAsync(long ticketId, AdminCardLocation location, CancellationToken cancellationToken);

    Task<IReadOnlyList<AdminCardLocation>> GetAdminCardsAsync(long ticketId, CancellationToken cancellationToken);

    Task<string?> GetAdminChannelAsync(CancellationToken cancellationToken);

    Task SetAdminChannelAsync(string conversationId, string adminName, CancellationToken cancellationToken);

    /// <summary>Where new ticket cards go: the admin channel if set, else each configured admin's 1:1 chat.</summary>
    Task<IReadOnlyList<AdminTarget>> GetAdminTargetsAsync(IReadOnlyList<string> adminAadObjectIds, CancellationToken cancellationToken);
}
