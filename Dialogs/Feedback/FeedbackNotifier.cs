using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Feedback;

/// <summary>
/// Proactive feedback messages: new-ticket cards to the admin channel or admins' 1:1 chats, in-place updates of those
/// cards, and notices to the member. Volumes are tiny (one message per event), so this uses
/// <see cref="IProactiveMessenger"/> directly; the shared outbox (IDeliveryQueue) can replace the three Send calls
/// marked below once it lands, with DedupKeys "feedback:{number}:{version}:{target}". A failed send is logged and
/// never undoes the change that caused it.
/// </summary>
public sealed class FeedbackNotifier(IProactiveMessenger messenger, IFeedbackStore store, AdminAuthorization admins, ILogger<FeedbackNotifier> logger)
{
    public async Task NotifyNewTicketAsync(FeedbackTicket ticket, CancellationToken cancellationToken)
    {
        var targets = await store.GetAdminTargetsAsync(admins.AdminObjectIds, cancellationToken);
        var delivered = 0;
        foreach (var target in targets)
        {
            var language = UiLanguageExtensions.FromLocale(target.Language);
            var message = OutgoingMessage.FromCard(FeedbackAdminCard.Build(language, ticket), language.Pick($"新的暖心工程反馈 {ticket.Number}", $"New feedback {ticket.Number}")) with { Notify = true };
            try
            {
                // Outbox candidate 1 of 3.
                SentMessage sent = target.ConversationId is { } conversationId
                    ? new SentMessage(conversationId, await messenger.SendToConversationAsync(conversationId, message, cancellationToken))
                    : await messenger.SendToUserAsync(target.UserId!, message, cancellationToken);
                if (sent.ActivityId is { } activityId)
                {
                    await store.AddAdminCardAsync(ticket.Id, new AdminCardLocation(sent.ConversationId, activityId, target.Language), cancellationToken);
                }

                delivered++;
            }
            catch (DeliveryException ex)
            {
                FeedbackLog.AdminDeliveryFailed(logger, ex, ticket.Number);
            }
        }

        if (delivered == 0) FeedbackLog.NoAdminTargets(logger, ticket.Number);
    }

    /// <summary>Brings every admin card of the ticket up to date, except the one the acting admin just replaced.</summary>
    public async Task UpdateAdminCardsAsync(FeedbackTicket ticket, string? exceptConversationId, string? exceptActivityId, CancellationToken cancellationToken)
    {
        foreach (var card in await store.GetAdminCardsAsync(ticket.Id, cancellationToken))
        {
            if (card.ConversationId == exceptConversationId && card.ActivityId == exceptActivityId) continue;
            var language = UiLanguageExtensions.FromLocale(card.Language);
            try
            {
                // Outbox candidate 2 of 3 (an update, keyed by conversation + activity id).
                await messenger.UpdateAsync(card.ConversationId, card.ActivityId, OutgoingMessage.FromCard(FeedbackAdminCard.Build(language, ticket)), cancellationToken);
            }
            catch (DeliveryException ex)
            {
                FeedbackLog.AdminDeliveryFailed(logger, ex, ticket.Number);
            }
        }
    }

    /// <summary>Tells the member about a status change or a reply; a resolved ticket comes with the rating card.</summary>
    public async Task NotifyMemberAsync(FeedbackTicket ticket, string? replyText, CancellationToken cancellationToken)
    {
        var userId = await store.GetReplyAddressAsync(ticket.Id, cancellationToken);
        if (userId is null) return;
        var language = ticket.Language;
        var card = ticket.Status == FeedbackStatus.Resolved && replyText is null
            ? FeedbackRatingCard.Build(language, ticket)
            : FeedbackNoticeCard.Build(language, ticket, replyText);
        try
        {
            // Outbox candidate 3 of 3.
            await messenger.SendToUserAsync(userId, OutgoingMessage.FromCard(card, language.Pick($"您的反馈 {ticket.Number} 有新进展", $"News on your feedback {ticket.Number}")) with { Notify = true }, cancellationToken);
        }
        catch (DeliveryException ex)
        {
            FeedbackLog.MemberDeliveryFailed(logger, ex, ticket.Number);
        }
    }
}
