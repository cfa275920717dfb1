namespace OrganBot.Bot.Delivery;

/// <summary>
/// Turns a <see cref="Dialogs.Delivery.DeliveryTarget.Protected"/> target back into a member's user id, just before the
/// sender calls the connector. Implemented by the feature that protected it (feedback: the ticket's reply address).
/// </summary>
internal interface IProtectedTargetResolver
{
    /// <summary>The user id, or null when the value cannot be unprotected (wrong or lost key).</summary>
    string? Resolve(string protectedUserId);
}
