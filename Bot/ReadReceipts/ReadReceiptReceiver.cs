using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.ReadReceipts;

/// <summary>
/// Takes read receipts off the turn path: no dialog runs and nothing is ever sent back. A receipt marks, with one
/// indexed UPDATE, every delivery in its own conversation up to the message it names (docs/read-receipts.md).
/// Every turn passes through it, so it leases the scope's context only when a receipt arrives (<see cref="ScopedBotDb"/>).
/// </summary>
internal sealed class ReadReceiptReceiver(ScopedBotDb scopedDb, TimeProvider time, ILogger<ReadReceiptReceiver> logger)
{
    /// <summary>Null when the activity is not a read receipt (the turn goes on as usual); otherwise the HTTP answer.</summary>
    public async Task<IResult?> TryHandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!ReadReceiptEvent.IsReadReceipt(activity)) return null;
        var (receipt, error) = ReadReceiptEvent.Parse(activity);
        if (receipt is null)
        {
            ReadReceiptsLog.Malformed(logger, activity.Conversation?.Id, error!);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed read receipt", detail: error);
        }

        // Teams sends receipts only for 1:1 chats; anything else has no deliveries a receipt could speak for.
        if (activity.Conversation!.ConversationType is null or "personal")
        {
            var marked = await MarkReadAsync(receipt.ConversationId, receipt.LastReadMessageId, cancellationToken);
            ReadReceiptsLog.Marked(logger, receipt.LastReadMessageId, receipt.ConversationId, marked);
        }

        return TypedResults.Ok();
    }

    /// <summary>Marks the conversation's unread sent messages with an id at or before <paramref name="lastReadMessageId"/>.</summary>
    internal Task<int> MarkReadAsync(string conversationId, string lastReadMessageId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = scopedDb.Context.Set<DeliveryRecord>().Where(r => r.ConversationId == conversationId && r.ReadAt == null
            && r.State == DeliveryState.Sent && r.Operation == DeliveryOperation.Send);
        // Ids that are not numbers cannot be ordered: only the very message named counts as read.
        rows = TeamsMessageId.ToNumber(lastReadMessageId) is { } last
            ? rows.Where(r => r.MessageNumber != null && r.MessageNumber <= last)
            : rows.Where(r => r.ActivityId == lastReadMessageId);
        return rows.ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadAt, now), cancellationToken);
    }
}
