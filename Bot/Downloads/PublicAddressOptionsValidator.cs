using Microsoft.Extensions.Options;
using OrganBot.Bot.Auth;

namespace OrganBot.Bot.Downloads;

/// <summary>
/// Outside dev mode (MicrosoftAppId set) the public address is required and must be https, because Teams users
/// open the links from their own devices. In dev mode an http address (or none: the listening address) is fine.
/// </summary>
internal sealed class PublicAddressOptionsValidator(IOptions<BotAuthOptions> auth) : IValidateOptions<PublicAddressOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicAddressOptions options)
    {
        var key = options.DeprecatedKeyUsed ?? PublicAddressOptions.Key;
        bool devMode;
        try
        {
            devMode = auth.Value.IsDevMode;
        }
        catch (OptionsValidationException)
        {
            // The auth settings are wrong; their own validator says so, and start-up stops on that.
            return ValidateOptionsResult.Skip;
        }

        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return devMode
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{PublicAddressOptions.Key} is required when MicrosoftAppId is set: the https address users open the bot's download links at, e.g. https://organbot.example.gov.cn.");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query))
        {
            return ValidateOptionsResult.Fail($"{key} must be an absolute http(s) URL without a query, e.g. https://organbot.example.gov.cn.");
        }

        return uri.Scheme == "https" || devMode
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{key} must be an https URL when MicrosoftAppId is set (download links carry one-time tokens).");
    }
}
