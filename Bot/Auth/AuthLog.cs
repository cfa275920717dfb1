namespace OrganBot.Bot.Auth;

/// <summary>Auth log messages (EventIds 2xxx). Tokens are never logged.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Dev mode: MicrosoftAppId is empty, so anonymous requests from loopback are accepted and outbound calls carry no token. Set MicrosoftAppId, MicrosoftAppPassword (and MicrosoftAppType) before exposing the bot.")]
    public static partial void DevModeOn(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Token names unknown signing key {Kid}; refetching {MetadataUrl}")]
    public static partial void UnknownKeyRefresh(ILogger logger, string kid, string metadataUrl);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Signing keys could not be read from {MetadataUrl}; inbound requests are refused")]
    public static partial void MetadataUnavailable(ILogger logger, Exception exception, string metadataUrl);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "No token sent to {ServiceUrl}: no Bot Framework channel token vouched for it and TrustedServiceUrls does not list it")]
    public static partial void UntrustedServiceUrl(ILogger logger, string serviceUrl);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Connector token from {TokenSource}, expires {ExpiresOn}")]
    public static partial void TokenServed(ILogger logger, string tokenSource, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Could not obtain a Bot Connector token: {ErrorCode}")]
    public static partial void TokenFailed(ILogger logger, Exception exception, string errorCode);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Service URL {ServiceUrl} vouched for by a channel token; outbound tokens may go there")]
    public static partial void ServiceUrlVouched(ILogger logger, string serviceUrl);
}
