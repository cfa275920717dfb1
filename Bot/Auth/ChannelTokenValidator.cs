using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.Auth;

/// <summary>
/// Validates the Bearer JWT on /api/messages by the Bot Framework service's own rules (docs/auth.md, docs/protocol.md §2.2):
/// RS256/384/512 only, issuer pre-check, keys from that issuer's OpenID metadata, audience = MicrosoftAppId, 5-minute
/// skew. Then per token kind: a channel token needs the signing key's endorsement of the activity's channel and a
/// <c>serviceurl</c> claim equal to the activity's serviceUrl, and only it vouches for that URL. An Entra token of the
/// bot's own tenant (single-tenant bots) must be app-only and requested by the bot itself (<c>appid</c> in v1 tokens,
/// <c>azp</c> in v2 = MicrosoftAppId); one from another app is a skill call, which OrganBot does not accept.
/// </summary>
internal sealed class ChannelTokenValidator : IChannelAuthenticator
{
    public const string MetadataClientName = "OrganBot.AuthMetadata";
    private static readonly string[] s_algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private static readonly TimeSpan s_clockSkew = TimeSpan.FromMinutes(5);

    private readonly BotAuthOptions _options;
    private readonly TimeProvider _time;
    private readonly TrustedServiceUrls _trusted;
    private readonly ILogger<ChannelTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningKeySource _channelKeys;
    private readonly SigningKeySource? _entraKeys;

    public ChannelTokenValidator(IOptions<BotAuthOptions> options, IHttpClientFactory httpFactory, TimeProvider time, TrustedServiceUrls trusted, ILogger<ChannelTokenValidator> logger)
    {
        _options = options.Value;
        _time = time;
        _trusted = trusted;
        _logger = logger;
        var http = httpFactory.CreateClient(MetadataClientName);
        _channelKeys = new SigningKeySource(_options.ToBotFromChannelOpenIdMetadataUrl, http, time, logger);
        _entraKeys = _options.EntraIssuers.Count > 0 ? new SigningKeySource(_options.EntraMetadataUrl, http, time, logger) : null;
    }

    public async Task<ChannelAuthResult> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Request.Headers.Authorization is not [{ } header] || header.Split(' ') is not [var scheme, var token]
            || !scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || token.Length == 0)
        {
            return ChannelAuthResult.Fail("No Bearer token in the Authorization header.");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return ChannelAuthResult.Fail("The token is not a JWT.");
        }

        if (!s_algorithms.Contains(jwt.Alg, StringComparer.Ordinal)) return ChannelAuthResult.Fail($"Signing algorithm '{Clip(jwt.Alg)}' is not allowed.");

        var (kind, keySource) = jwt.Issuer == _options.ToBotFromChannelTokenIssuer ? (CallerKind.Channel, _channelKeys)
            : _entraKeys is not null && _options.EntraIssuers.Contains(jwt.Issuer, StringComparer.Ordinal) ? (CallerKind.EntraTenant, _entraKeys)
            : (CallerKind.Anonymous, null);
        if (keySource is null) return ChannelAuthResult.Fail($"Issuer '{Clip(jwt.Issuer)}' is not trusted.");
        if (string.IsNullOrEmpty(jwt.Kid)) return ChannelAuthResult.Fail("The token names no signing key (kid).");

        (JsonWebKey Key, IReadOnlyCollection<string> Endorsements)? signing;
        try
        {
            signing = await keySource.FindAsync(jwt.Kid, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            AuthLog.MetadataUnavailable(_logger, ex, keySource.MetadataUrl);
            return ChannelAuthResult.Fail("Signing keys are unavailable.");
        }

        if (signing is not { } found) return ChannelAuthResult.Fail($"Signing key '{Clip(jwt.Kid)}' is unknown.");

        var result = await _handler.ValidateTokenAsync(token, Parameters(jwt.Issuer, found.Key));
        if (!result.IsValid) return ChannelAuthResult.Fail($"Token rejected: {result.Exception?.GetType().Name}.");

        if (kind == CallerKind.EntraTenant && EntraCallerFailure(result.Claims) is { } refusal) return ChannelAuthResult.Fail(refusal);

        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        return ChannelAuthResult.Success(new ChannelCaller(kind, kind == CallerKind.Channel ? found.Endorsements : [], serviceUrl));
    }

    public async Task<ChannelAuthResult> AuthorizeAsync(ChannelCaller caller, Activity activity, CancellationToken cancellationToken)
    {
        if (caller.Kind == CallerKind.Channel && !EndorsementCheck.IsEndorsed(caller.Endorsements, activity.ChannelId))
        {
            return ChannelAuthResult.Fail($"The signing key is not endorsed for channel '{Clip(activity.ChannelId)}'.");
        }

        var claimMatches = caller.ServiceUrlClaim is not null && TrustedServiceUrls.SameServiceUrl(caller.ServiceUrlClaim, activity.ServiceUrl);
        if (caller.Kind == CallerKind.Channel && !claimMatches)
        {
            return ChannelAuthResult.Fail(caller.ServiceUrlClaim is null ? "Missing serviceurl claim." : "serviceurl claim mismatch.");
        }

        if (caller.ServiceUrlClaim is not null && !claimMatches)
        {
            return ChannelAuthResult.Fail("serviceurl claim mismatch.");
        }

        // Only a channel token's claim vouches: later replies and proactive sends to this URL carry the bot's token.
        if (caller.CanVouchForServiceUrl && claimMatches) await _trusted.VouchAsync(activity.ServiceUrl!, cancellationToken);
        return ChannelAuthResult.Success(caller);
    }

    /// <summary>
    /// An Entra token of the bot's tenant is accepted only when the bot's own identity asked for it, app-only: v1 tokens
    /// carry the caller in <c>appid</c>, v2 tokens in <c>azp</c> (the SDK's EmulatorValidation and the Agents SDK's
    /// AgentClaims). Any other app of the tenant could get a token for the bot's audience; that is a skill call, and
    /// skills need an allow-list of callers that OrganBot does not have.
    /// </summary>
    private string? EntraCallerFailure(IDictionary<string, object> claims)
    {
        var version = claims.TryGetValue("ver", out var ver) ? ver as string : null;
        var callerClaim = version switch
        {
            null or "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (callerClaim is null) return $"Unknown token version '{Clip(version)}'.";
        if (!claims.TryGetValue(callerClaim, out var value) || value is not string callerApp || callerApp.Length == 0)
        {
            return $"The token has no {callerClaim} claim.";
        }

        if (!string.Equals(callerApp, _options.MicrosoftAppId?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return $"The token was issued to another app ({callerClaim} is not MicrosoftAppId); skill callers are not accepted.";
        }

        // A delegated (user) token names the bot as azp when a person signs in through the bot's app: not the service.
        if (claims.ContainsKey("scp") || (claims.TryGetValue("idtyp", out var idtyp) && idtyp is string type && type == "user"))
        {
            return "User tokens are not accepted.";
        }

        return null;
    }

    /// <summary>Token fields are attacker-controlled: keep what reaches the log short.</summary>
    private static string Clip(string? value) => value is { Length: > 80 } ? value[..80] + "…" : value ?? "";

    private TokenValidationParameters Parameters(string issuer, JsonWebKey key) =>
        StrictParameters([issuer], [_options.MicrosoftAppId!], key, s_algorithms, _time);

    /// <summary>
    /// What every inbound JWT check shares (the bot's and the console's Teams SSO): exactly this key, these algorithms,
    /// signed, with an expiry, and the lifetime on the injected clock with 5 minutes of skew.
    /// </summary>
    internal static TokenValidationParameters StrictParameters(IEnumerable<string> issuers, IEnumerable<string> audiences, JsonWebKey key, IEnumerable<string> algorithms, TimeProvider time) => new()
    {
        ValidIssuers = issuers,
        ValidAudiences = audiences,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = s_clockSkew,
        LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(time, notBefore, expires),
    };

    /// <summary>The lifetime check on the injected clock: not before nbf − 5 min, not after exp + 5 min (also the console's SSO check).</summary>
    internal static bool WithinLifetime(TimeProvider time, DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + s_clockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - s_clockSkew);
    }
}
