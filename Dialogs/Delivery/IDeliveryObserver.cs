namespace OrganBot.Dialogs.Delivery;

/// <summary>
/// Told when a delivery reaches a final state (sent, failed or expired), e.g. to update an announcement's
/// progress card. Called by the delivery worker after the state is stored; must be quick and must not throw.
/// Several instances may deliver one batch, so an observer only sees the rows its own process finished:
/// read <see cref="IDeliveryQueue.GetBatchAsync"/> for the whole picture.
/// </summary>
public interface IDeliveryObserver
{
    void OnCompleted(DeliveryCompletion completion);
}

/// <param name="Status">The stored outcome of the row.</param>
public sealed record DeliveryCompletion(string BatchId, string Category, DeliveryStatus Status);
