namespace OrganBot.Bot.Auth;

/// <summary>
/// Bot credentials under the Bot Framework SDK's own configuration names (root keys), so an existing
/// Azure Bot registration works unchanged. An empty <see cref="MicrosoftAppId"/> means dev mode.
/// Checked at start by <see cref="AuthOptionsValidator"/>.
/// </summary>
public sealed class BotAuthOptions
{
    /// <summary>MultiTenant (default), SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public string ToBotFromChannelTokenIssuer { get; set; } = "https://api.botframework.com";
    public string ToChannelFromBotLoginUrl { get; set; } = "https://login.microsoftonline.com/botframework.com";
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>The Entra OpenID metadata template for single-tenant tokens; {tenant} is replaced.</summary>
    public string ToBotFromEntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// Service URLs that receive the bot's token without a channel token vouching for them first, e.g. a regional Teams
    /// endpoint for proactive sends before anyone has written to the bot. Matched by prefix, like vouched URLs.
    /// </summary>
    public List<string> TrustedServiceUrls { get; set; } = [];

    public bool IsDevMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The parsed <see cref="MicrosoftAppType"/> (MultiTenant when empty; the validator rejects unknown values).</summary>
    public BotAppType AppType => BotAppTypes.TryParse(MicrosoftAppType, out var type) ? type : BotAppType.MultiTenant;

    /// <summary>The scope for outbound tokens: <see cref="ToChannelFromBotOAuthScope"/> plus <c>/.default</c>.</summary>
    internal string OutboundScope => ToChannelFromBotOAuthScope.EndsWith("/.default", StringComparison.Ordinal)
        ? ToChannelFromBotOAuthScope
        : ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";

    /// <summary>
    /// Where outbound tokens come from: <see cref="ToChannelFromBotLoginUrl"/> for multi-tenant bots; the same
    /// login host with the bot's own tenant for single-tenant bots (so other clouds and tests keep working).
    /// </summary>
    internal Uri OutboundAuthority
    {
        get
        {
            var login = new Uri(ToChannelFromBotLoginUrl);
            return AppType == BotAppType.SingleTenant
                ? new Uri(login.GetLeftPart(UriPartial.Authority) + "/" + MicrosoftAppTenantId!.Trim())
                : login;
        }
    }

    /// <summary>Issuers of Entra tokens accepted from the bot's own tenant (single-tenant bots only).</summary>
    internal IReadOnlyList<string> EntraIssuers => AppType == BotAppType.SingleTenant && MicrosoftAppTenantId is { Length: > 0 } tenant
        ? [$"https://login.microsoftonline.com/{tenant.Trim()}/v2.0", $"https://sts.windows.net/{tenant.Trim()}/"]
        : [];

    internal string EntraMetadataUrl => ToBotFromEntraOpenIdMetadataUrl.Replace("{tenant}", MicrosoftAppTenantId?.Trim(), StringComparison.Ordinal);
}
