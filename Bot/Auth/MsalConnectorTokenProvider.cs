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
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // MSAL throws MsalException for service errors, but ArgumentException or others for an authority it refuses
            // (the validator should have caught that at start). Either way it surfaces as an unreachable connector, which
            // the turn and the delivery pipeline handle, never as a 500 to the inbound request.
            var code = ex is MsalException msal ? msal.ErrorCode : ex.GetType().Name;
            AuthLog.TokenFailed(_logger, ex, code);
            throw new HttpRequestException($"Could not obtain a Bot Connector token ({code}).", ex);
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

        var app = BuildConfidentialClient(options, httpFactory);
        string[] scopes = [options.OutboundScope];
        return ct => app.AcquireTokenForClient(scopes).ExecuteAsync(ct);
    }

    /// <summary>The client-credentials app; also built by <see cref="AuthOptionsValidator"/> so that what MSAL refuses stops the start.</summary>
    internal static IConfidentialClientApplication BuildConfidentialClient(BotAuthOptions options, IMsalHttpClientFactory? httpFactory)
    {
        var authority = options.OutboundAuthority;
        var builder = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword);
        if (httpFactory is not null) builder = builder.WithHttpClientFactory(httpFactory);
        // A loopback authority is a test double: no authority validation or instance discovery against the cloud.
        builder = authority.IsLoopback
            ? builder.WithAuthority(authority.AbsoluteUri, validateAuthority: false).WithInstanceDiscovery(false)
            : builder.WithAuthority(authority.AbsoluteUri);
        return builder.Build();
    }
}
