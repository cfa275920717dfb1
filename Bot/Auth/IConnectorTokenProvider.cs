namespace OrganBot.Bot.Auth;

/// <summary>Bearer tokens for calls to the Bot Connector; null in dev mode (no credentials).</summary>
internal interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(Uri serviceUrl, CancellationToken cancellationToken);
}
