using Microsoft.Extensions.Options;

namespace OrganBot.Bot.Auth;

/// <summary>
/// Fails the start with a message naming the key when the bot credentials cannot work (docs/protocol.md §3.3):
/// unknown app type, missing password or tenant, URLs that do not parse. Dev mode (no app id) checks only the app type.
/// </summary>
internal sealed class AuthOptionsValidator : IValidateOptions<BotAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthOptions options)
    {
        var failures = new List<string>();
        if (!BotAppTypes.TryParse(options.MicrosoftAppType, out var type))
        {
            failures.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        if (options.IsDevMode) return Result(failures);

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("MicrosoftAppId must be the bot's Microsoft App ID (a GUID), or empty for dev mode.");
        }

        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        switch (type)
        {
            case BotAppType.MultiTenant when !hasPassword:
                failures.Add("MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant and MicrosoftAppId is set.");
                break;
            case BotAppType.SingleTenant:
                if (!hasPassword) failures.Add("MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.");
                if (!hasTenant) failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
                break;
            case BotAppType.UserAssignedMsi:
                if (hasPassword) failures.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity has no secret).");
                if (!hasTenant) failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.");
                break;
        }

        if (hasTenant && !IsTenant(options.MicrosoftAppTenantId!.Trim()))
        {
            failures.Add($"MicrosoftAppTenantId '{options.MicrosoftAppTenantId}' is neither a GUID nor a domain name.");
        }

        CheckEndpoint(failures, nameof(BotAuthOptions.ToBotFromChannelOpenIdMetadataUrl), options.ToBotFromChannelOpenIdMetadataUrl);
        // MSAL takes only https authorities, loopback included (it throws ArgumentException at the first token request).
        CheckEndpoint(failures, nameof(BotAuthOptions.ToChannelFromBotLoginUrl), options.ToChannelFromBotLoginUrl, allowLoopbackHttp: false);
        CheckAbsolute(failures, nameof(BotAuthOptions.ToBotFromChannelTokenIssuer), options.ToBotFromChannelTokenIssuer);
        CheckAbsolute(failures, nameof(BotAuthOptions.ToChannelFromBotOAuthScope), options.ToChannelFromBotOAuthScope);
        if (type == BotAppType.SingleTenant)
        {
            const string key = nameof(BotAuthOptions.ToBotFromEntraOpenIdMetadataUrl);
            if (!options.ToBotFromEntraOpenIdMetadataUrl.Contains("{tenant}", StringComparison.Ordinal))
            {
                failures.Add($"{key} must contain the placeholder {{tenant}}.");
            }
            else if (hasTenant)
            {
                CheckEndpoint(failures, key, options.EntraMetadataUrl);
            }
        }

        foreach (var url in options.TrustedServiceUrls)
        {
            CheckEndpoint(failures, nameof(BotAuthOptions.TrustedServiceUrls), url);
        }

        if (failures.Count == 0 && type != BotAppType.UserAssignedMsi) CheckMsal(failures, options);
        return Result(failures);
    }

    /// <summary>
    /// Builds the MSAL client the bot will use, offline: MSAL refuses some authorities that parse as URLs (plain http,
    /// even on loopback) with an ArgumentException that would otherwise only surface at the first send.
    /// </summary>
    private static void CheckMsal(List<string> failures, BotAuthOptions options)
    {
        try
        {
            MsalConnectorTokenProvider.BuildConfidentialClient(options, httpFactory: null);
        }
        catch (Exception ex) when (ex is ArgumentException or Microsoft.Identity.Client.MsalException or UriFormatException)
        {
            var key = options.AppType == BotAppType.SingleTenant
                ? $"{nameof(BotAuthOptions.ToChannelFromBotLoginUrl)} (with MicrosoftAppTenantId)"
                : nameof(BotAuthOptions.ToChannelFromBotLoginUrl);
            failures.Add($"{key} '{options.ToChannelFromBotLoginUrl}' is refused by MSAL as the token authority: {ex.Message}");
        }
    }

    /// <summary>Metadata and login endpoints: absolute https, or http on a loopback host (tests, local tools).</summary>
    private static void CheckEndpoint(List<string> failures, string key, string? value, bool allowLoopbackHttp = true)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            failures.Add($"{key} '{value}' is not an absolute http(s) URL.");
        }
        else if (uri.Scheme == "http" && !allowLoopbackHttp)
        {
            failures.Add($"{key} '{value}' must use https: MSAL accepts no other token authority, not even on loopback.");
        }
        else if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            failures.Add($"{key} '{value}' must use https (plain http is allowed only on loopback).");
        }
    }

    private static void CheckAbsolute(List<string> failures, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out _)) failures.Add($"{key} '{value}' is not an absolute URL.");
    }

    private static bool IsTenant(string value) =>
        Guid.TryParse(value, out _) || Uri.CheckHostName(value) == UriHostNameType.Dns;

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
