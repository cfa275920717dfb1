namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// Remembers which conversations got the welcome of their current installation. Teams announces one installation
/// twice (installationUpdate and conversationUpdate), possibly to two instances at once: the claim is atomic.
/// </summary>
public interface IWelcomeLedger
{
    /// <summary>True for exactly one caller per installation of the bot in the conversation.</summary>
    Task<bool> TryClaimAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Gives the claim back when the welcome could not be sent, so the next announcement tries again.</summary>
    Task ReleaseAsync(string conversationId, CancellationToken cancellationToken);
}
