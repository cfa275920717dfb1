using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace OrganBot.Bot.Auth;

/// <summary>
/// Outbound tokens for the Bot Connector (docs/protocol.md §3.2): client credentials through MSAL, or a user-assigned
/// managed identity. MSAL's in-memory app-token cache answers repeated calls and renews the token before it
/// expires. Tokens go only to trusted service URLs; for any other URL this returns null and logs a warning.
/// </summary>
internal sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private readonly TrustedServiceUrls _trusted;
    private readonly ILogger<MsalConnectorTokenProvider> _logger;
    private readonly Lazy<Func<CancellationToken, Task<AuthenticationResult>>> _acquire;

    public MsalConnectorTokenProvider(IOptions<BotAuthOptions> options, TrustedServiceUrls trusted, IMsalHttpClientFactory httpFactory, ILogger<MsalConnectorTokenProvider> logger)
    {
        _trusted = trusted;
        _logger = logger;
        _acquire = new(() => CreateAcquirer(options.Value, httpFactory));
    }

    public async Task<string?> GetTokenAsync(Uri serviceUrl, CancellationToken cancellationToken)
    {
        if (!await _trusted.IsTrustedAsync(serviceUrl, cancellationToken))
        {
            AuthLog.UntrustedServiceUrl(_logger, serviceUrl.GetLeftPart(UriPartial.Authority));
            return null;
        }

        try
        {
            var result = await _acquire.Value(cancellationToken);
            AuthLog.TokenServed(_logger, result.AuthenticationResultMetadata.TokenSource.ToString(), result.ExpiresOn);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            AuthLog.TokenFailed(_logger, ex, ex.ErrorCode);
            // Surfaces as an unreachable connector: the delivery pipeline treats it as transient.
            throw new HttpRequestException($"Could not obtain a Bot Connector token ({ex.ErrorCode}).", ex);
        }
    }

    private static Func<CancellationToken, Task<AuthenticationResult>> CreateAcquirer(BotAuthOptions options, IMsalHttpClientFactory httpFactory)
    {
        if (options.AppType == BotAppType.UserAssignedMsi)
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(options.MicrosoftAppId!))
                .WithHttpClientFactory(httpFactory)
                .Build();
            var resource = options.OutboundScope[..^"/.default".Length];
            return ct => identity.AcquireTokenForManagedIdentity(resource).ExecuteAsync(ct);
        }

        var authority = options.OutboundAuthority;
        var builder = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithHttpClientFactory(httpFactory);
        // A loopback authority is a test double: no authority validation or instance discovery against the cloud.
        builder = authority.IsLoopback
            ? builder.WithAuthority(authority.AbsoluteUri, validateAuthority: false).WithInstanceDiscovery(false)
            : builder.WithAuthority(authority.AbsoluteUri);
        var app = builder.Build();
        string[] scopes = [options.OutboundScope];
        return ct => app.AcquireTokenForClient(scopes).ExecuteAsync(ct);
    }
}
