using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Downloads;

namespace OrganBot.Bot.AdminConsole;

/// <summary>
/// Validates the Teams SSO token the console tab sends as <c>Authorization: Bearer</c>: RS256 only, an Entra issuer of
/// the configured tenant (v1 or v2), <c>tid</c> that tenant, audience the manifest's <c>webApplicationInfo</c> resource
/// (or the bare app id), a delegated user token (<c>scp</c>) with an <c>oid</c>, signed by a key from that tenant's
/// OpenID metadata (<c>ToBotFromEntraOpenIdMetadataUrl</c>, the same key cache as the bot's own Entra check), within
/// its lifetime on the injected clock. Returns the user's object id; whether they are an admin is decided per request.
/// </summary>
internal sealed class ConsoleSsoValidator
{
    private static readonly string[] s_algorithms = [SecurityAlgorithms.RsaSha256];

    private readonly JsonWebTokenHandler _handler = new();
    private readonly TimeProvider _time;
    private readonly string? _tenant;
    private readonly string[] _issuers;
    private readonly string[] _audiences;
    private readonly SigningKeySource? _keys;

    public ConsoleSsoValidator(IOptions<BotAuthOptions> auth, IOptions<ConsoleOptions> options, IOptions<PublicAddressOptions> address,
        IHttpClientFactory httpFactory, TimeProvider time, ILogger<ConsoleSsoValidator> logger)
    {
        _time = time;
        var bot = auth.Value;
        _tenant = (options.Value.SsoTenantId is { Length: > 0 } t ? t : bot.MicrosoftAppTenantId)?.Trim();
        if (bot.IsDevMode || string.IsNullOrEmpty(_tenant))
        {
            _issuers = _audiences = [];
            return;
        }

        _issuers = [$"https://login.microsoftonline.com/{_tenant}/v2.0", $"https://sts.windows.net/{_tenant}/"];
        var appId = bot.MicrosoftAppId!.Trim();
        var resource = options.Value.SsoResource is { Length: > 0 } r ? r
            : Uri.TryCreate(address.Value.PublicBaseUrl, UriKind.Absolute, out var baseUri) ? $"api://{baseUri.Authority}/{appId}" : null;
        _audiences = resource is null ? [appId] : [resource, appId];
        var metadata = bot.ToBotFromEntraOpenIdMetadataUrl.Replace("{tenant}", _tenant, StringComparison.Ordinal);
        _keys = new SigningKeySource(metadata, httpFactory.CreateClient(ChannelTokenValidator.MetadataClientName), time, logger);
    }

    public bool Enabled => _keys is not null;

    /// <summary>The caller's Entra object id, or null with the reason (for the log) when the token is not acceptable.</summary>
    public async Task<(string? ObjectId, string? Refusal)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (_keys is null) return (null, "Teams SSO is not configured (no tenant)");
        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return (null, "not a JWT");
        }

        if (!s_algorithms.Contains(jwt.Alg, StringComparer.Ordinal)) return (null, "algorithm not allowed");
        if (!_issuers.Contains(jwt.Issuer, StringComparer.Ordinal)) return (null, "issuer of another tenant or authority");
        if (string.IsNullOrEmpty(jwt.Kid)) return (null, "no kid");

        (JsonWebKey Key, IReadOnlyCollection<string> Endorsements)? signing;
        try
        {
            signing = await _keys.FindAsync(jwt.Kid, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return (null, "signing keys unavailable");
        }

        if (signing is not { } found) return (null, "unknown signing key");
        var result = await _handler.ValidateTokenAsync(token, ChannelTokenValidator.StrictParameters(_issuers, _audiences, found.Key, s_algorithms, _time));
        if (!result.IsValid) return (null, "token rejected: " + result.Exception?.GetType().Name);

        string? Claim(string name) => result.Claims.TryGetValue(name, out var value) ? value as string : null;
        if (!string.Equals(Claim("tid"), _tenant, StringComparison.OrdinalIgnoreCase)) return (null, "tid of another tenant");
        if (string.IsNullOrEmpty(Claim("scp"))) return (null, "not a delegated user token");
        return Claim("oid") is { Length: > 0 } oid ? (oid, null) : (null, "no oid");
    }
}
