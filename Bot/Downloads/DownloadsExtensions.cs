using Microsoft.Extensions.Options;
using OrganBot.Dialogs.Downloads;

namespace OrganBot.Bot.Downloads;

internal static class DownloadsExtensions
{
    /// <summary>
    /// The admins' one-time download links (<c>Downloads:*</c>) and the bot's public address (<c>Bot:PublicBaseUrl</c>).
    /// Each export registers its own <see cref="IDownloadSource"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDownloads(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)) return;
                foreach (var key in PublicAddressOptions.DeprecatedKeys)
                {
                    if (configuration[key] is { Length: > 0 } value)
                    {
                        options.PublicBaseUrl = value;
                        options.DeprecatedKeyUsed = key;
                        return;
                    }
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PublicAddressOptions>, PublicAddressOptionsValidator>();
        builder.Services.AddOptions<DownloadOptions>().BindConfiguration(DownloadOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (configuration[DownloadOptions.SectionName + ":" + nameof(DownloadOptions.LinkLifetime)] is null
                    && configuration.GetValue<TimeSpan?>(DownloadOptions.DeprecatedLifetimeKey) is { } legacy)
                {
                    options.LinkLifetime = legacy;
                    options.FromDeprecatedKey = true;
                }
            })
            .Validate(o => o.LinkLifetime > TimeSpan.Zero && o.LinkLifetime <= TimeSpan.FromDays(1), "Downloads:LinkLifetime must be positive and at most one day.")
            .ValidateOnStart();
        builder.Services.AddHostedService<DeprecatedSettingsWarning>();
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddScoped<DownloadTokenStore>();
        builder.Services.AddScoped<IDownloadLinks, DownloadLinks>();
        return builder;
    }
}
