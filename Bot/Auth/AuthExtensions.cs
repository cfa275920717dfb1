namespace OrganBot.Bot.Auth;

internal static partial class AuthExtensions
{
    public static IHostApplicationBuilder AddBotAuth(this IHostApplicationBuilder builder)
    {
        // Root-level keys, exactly as the Bot Framework SDK reads them.
        builder.Services.AddOptions<BotAuthOptions>().Bind(builder.Configuration);
        var options = builder.Configuration.Get<BotAuthOptions>() ?? new BotAuthOptions();

        if (options.IsDevMode)
        {
            builder.Services.AddSingleton<DevModeAuthenticator>();
            builder.Services.AddSingleton<IChannelAuthenticator>(sp => sp.GetRequiredService<DevModeAuthenticator>());
            builder.Services.AddSingleton<IConnectorTokenProvider>(sp => sp.GetRequiredService<DevModeAuthenticator>());
        }
        else
        {
            throw new NotSupportedException("Bot Framework token validation is being implemented (issue: OrganBot core, item 3).");
        }

        builder.Services.AddTransient<ConnectorAuthHandler>();
        return builder;
    }
}
