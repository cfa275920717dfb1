using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace OrganBot.Bot.Auth;

internal static class AuthExtensions
{
    /// <summary>
    /// Inbound JWT validation and outbound tokens; dev mode (anonymous, loopback only, no tokens) when
    /// MicrosoftAppId is empty. The configuration is validated at start (<see cref="AuthOptionsValidator"/>).
    /// </summary>
    public static IHostApplicationBuilder AddBotAuth(this IHostApplicationBuilder builder)
    {
        // Root-level keys, exactly as the Bot Framework SDK reads them.
        builder.Services.AddOptions<BotAuthOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotAuthOptions>, AuthOptionsValidator>();
        var options = builder.Configuration.Get<BotAuthOptions>() ?? new BotAuthOptions();

        if (options.IsDevMode)
        {
            builder.Services.AddSingleton<DevModeAuthenticator>();
            builder.Services.AddSingleton<IChannelAuthenticator>(sp => sp.GetRequiredService<DevModeAuthenticator>());
            builder.Services.AddSingleton<IConnectorTokenProvider>(sp => sp.GetRequiredService<DevModeAuthenticator>());
            builder.Services.AddHostedService<DevModeWarning>();
        }
        else
        {
            builder.Services.AddHttpClient(ChannelTokenValidator.MetadataClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
            builder.Services.AddHttpClient(MsalHttpClientFactory.ClientName);
            builder.Services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
            builder.Services.AddSingleton<TrustedServiceUrls>();
            builder.Services.AddSingleton<IChannelAuthenticator, ChannelTokenValidator>();
            builder.Services.AddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        }

        builder.Services.AddTransient<ConnectorAuthHandler>();
        return builder;
    }
}
