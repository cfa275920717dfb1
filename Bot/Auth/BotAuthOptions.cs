namespace OrganBot.Bot.Auth;

/// <summary>
/// Bot credentials under the Bot Framework SDK's own configuration names (root keys), so an existing
/// Azure Bot registration works unchanged. An empty <see cref="MicrosoftAppId"/> means dev mode.
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

    public bool IsDevMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
