using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Feedback;

/// <summary>
/// Proactive feedback messages, all through the outbox (<see cref="IDeliveryQueue"/>), so they are paced, retried and
/// deduplicated with the rest of the bot's traffic: new-ticket cards to the admin channel or admins' 1:1 chats,
/// in-place updates of those cards, and notices to the member. A member notice is queued under the ticket's protected
/// reply address, which only the pipeline unprotects at send time: the outbox never names the member of a ticket.
/// A failed send is recorded by the pipeline and never undoes the change that caused it.
/// </summary>
public sealed class FeedbackNotifier(IDeliveryQueue queue, IDeliveryBatchControl batches, IFeedbackStore store, AdminAuthorization admins, ILogger<FeedbackNotifier> logger)
{
    public const string Category = "feedback";

    private static readonly UiLanguage[] s_languages = Enum.GetValues<UiLanguage>();
    private static readonly TimeSpan s_sendingPoll = TimeSpan.FromMilliseconds(50);

    public async Task NotifyNewTicketAsync(FeedbackTicket ticket, CancellationToken cancellationToken)
    {
        var targets = await store.GetAdminTargetsAsync(admins.AdminObjectIds, cancellationToken);
        if (targets.Count == 0)
        {
            FeedbackLog.NoAdminTargets(logger, ticket.Number);
            return;
        }

        var requests = targets.Select(target =>
        {
            var language = UiLanguageExtensions.FromLocale(target.Language);
            DeliveryTarget to = target.ConversationId is { } conversationId ? new DeliveryTarget.Conversation(conversationId) : new DeliveryTarget.User(target.UserId!);
            var key = to is DeliveryTarget.Conversation c ? "c:" + c.ConversationId : "u:" + target.UserId;
            return new DeliveryRequest($"feedback:{ticket.Id}:new:{key}", to, NewTicketMessage(ticket, language), AdminBatch(ticket.Id, language), Category);
        }).ToList();
        await queue.EnqueueAsync(requests, cancellationToken);
    }

    /// <summary>Brings every admin card of the ticket up to date, except the one the acting admin just replaced.</summary>
    public async Task UpdateAdminCardsAsync(FeedbackTicket ticket, string? exceptConversationId, string? exceptActivityId, CancellationToken cancellationToken)
    {
        // Cards posted in a turn are stored with the ticket; cards the outbox delivered are its sent rows (one batch per language).
        var cards = (await store.GetAdminCardsAsync(ticket.Id, cancellationToken))
            .Select(c => (c.ConversationId, c.ActivityId, Language: UiLanguageExtensions.FromLocale(c.Language))).ToList();
        foreach (var language in s_languages)
        {
            var batch = AdminBatch(ticket.Id, language);

            // Cards not sent yet go out in their latest version.
            await batches.ReplacePendingMessageAsync(batch, NewTicketMessage(ticket, language), cancellationToken);

            // A card on the wire gets its activity id within milliseconds (when its "Sent" is committed). An admin who
            // acts on one card that fast must not leave another one stale, so wait briefly for such rows.
            var rows = await queue.GetBatchAsync(batch, cancellationToken);
            for (var i = 0; i < 40 && rows.Any(r => r.State == DeliveryState.Sending); i++)
            {
                await Task.Delay(s_sendingPoll, cancellationToken);
                rows = await queue.GetBatchAsync(batch, cancellationToken);
            }

            cards.AddRange(rows
                .Where(s => s.State == DeliveryState.Sent && s.ConversationId is not null && s.ActivityId is not null)
                .Select(s => (s.ConversationId!, s.ActivityId!, language)));
        }

        var version = Guid.NewGuid().ToString("N");
        var requests = cards
            .Where(c => !(c.ConversationId == exceptConversationId && c.ActivityId == exceptActivityId))
            .DistinctBy(c => (c.ConversationId, c.ActivityId))
            .Select(c => new DeliveryRequest(
                $"feedback:{ticket.Id}:card:{CardKey(c.ConversationId, c.ActivityId)}:{version}",
                new DeliveryTarget.Conversation(c.ConversationId),
                OutgoingMessage.FromCard(FeedbackAdminCard.Build(c.Language, ticket.View(c.Language), FeedbackViews.Choices(c.Language))),
                $"feedback:{ticket.Id}:card-updates",
                Category,
                Operation: DeliveryOperation.Update,
                ActivityId: c.ActivityId))
            .ToList();
        await queue.EnqueueAsync(requests, cancellationToken);
    }

    /// <summary>Tells the member about a status change or a reply; a resolved ticket comes with the rating card.</summary>
    public async Task NotifyMemberAsync(FeedbackTicket ticket, string? replyText, CancellationToken cancellationToken)
    {
        var replyAddress = await store.GetProtectedReplyAddressAsync(ticket.Id, cancellationToken);
        if (replyAddress is null) return;
        var language = ticket.Language;
        var card = ticket.Status == FeedbackStatus.Resolved && replyText is null
            ? FeedbackRatingCard.Build(language, ticket.View(language), FeedbackViews.Choices(language))
            : FeedbackNoticeCard.Build(language, ticket.View(language), replyText);
        var message = OutgoingMessage.FromCard(card, language.Pick($"您的反馈 {ticket.Number} 有新进展", $"News on your feedback {ticket.Number}")) with { Notify = true };
        await queue.EnqueueAsync(
            [new DeliveryRequest($"feedback:{ticket.Id}:member:{Guid.NewGuid():N}", new DeliveryTarget.Protected(replyAddress), message, $"feedback:{ticket.Id}:member", Category)],
            cancellationToken);
    }

    /// <summary>The outbox batch of a ticket's new-ticket cards in one language.</summary>
    public static string AdminBatch(long ticketId, UiLanguage language) => $"feedback:{ticketId}:admin:{language.CardLang()}";

    private static OutgoingMessage NewTicketMessage(FeedbackTicket ticket, UiLanguage language) =>
        OutgoingMessage.FromCard(FeedbackAdminCard.Build(language, ticket.View(language), FeedbackViews.Choices(language)), language.Pick($"新的暖心工程反馈 {ticket.Number}", $"New feedback {ticket.Number}")) with { Notify = true };

    /// <summary>Short, fixed-length key of one card (conversation ids can be long).</summary>
    private static string CardKey(string conversationId, string activityId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId + "\n" + activityId)))[..16];
}
