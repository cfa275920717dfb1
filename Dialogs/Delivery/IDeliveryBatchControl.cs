using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Delivery;

/// <summary>Changes to a batch that has not gone out completely yet (an announcement edited or withdrawn mid-send).</summary>
public interface IDeliveryBatchControl
{
    /// <summary>Counts per state, and how many were sent in the last <paramref name="rateWindow"/>.</summary>
    Task<DeliveryBatchSummary> SummarizeAsync(string batchId, TimeSpan rateWindow, CancellationToken cancellationToken);

    /// <summary>Rows not yet claimed will not be sent (state Expired, error "cancelled"). Returns how many.</summary>
    Task<int> CancelPendingAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>Rows not yet claimed will carry <paramref name="message"/> instead. Returns how many.</summary>
    Task<int> ReplacePendingMessageAsync(string batchId, OutgoingMessage message, CancellationToken cancellationToken);
}

public sealed record DeliveryBatchSummary(int Total, int Pending, int Sending, int Sent, int Failed, int Expired, int SentInWindow)
{
    public bool IsFinished => Total > 0 && Pending == 0 && Sending == 0;
}
