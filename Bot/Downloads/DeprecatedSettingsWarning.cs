using Microsoft.Extensions.Options;

namespace OrganBot.Bot.Downloads;

/// <summary>Says at start which old setting names are still in use, so operators rename them before they stop working.</summary>
internal sealed class DeprecatedSettingsWarning(IOptions<PublicAddressOptions> address, IOptions<DownloadOptions> downloads, ILogger<DeprecatedSettingsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (address.Value.DeprecatedKeyUsed is { } key) DownloadsLog.DeprecatedSetting(logger, key, PublicAddressOptions.Key);
        if (downloads.Value.FromDeprecatedKey) DownloadsLog.DeprecatedSetting(logger, DownloadOptions.DeprecatedLifetimeKey, "Downloads:LinkLifetime");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
