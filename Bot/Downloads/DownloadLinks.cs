using Microsoft.Extensions.Options;
using OrganBot.Dialogs.Downloads;

namespace OrganBot.Bot.Downloads;

/// <summary>Makes the one-time links: a token in <see cref="DownloadTokenStore"/>, on the bot's public address.</summary>
internal sealed class DownloadLinks(DownloadTokenStore tokens, PublicAddress address, IOptionsMonitor<DownloadOptions> options) : IDownloadLinks
{
    public async Task<DownloadLink> CreateAsync(string purpose, string objectId, string adminAadObjectId, CancellationToken cancellationToken)
    {
        var lifetime = options.CurrentValue.LinkLifetime;
        var token = await tokens.CreateAsync(purpose, objectId, adminAadObjectId, lifetime, cancellationToken);
        return new DownloadLink(address.Link(DownloadEndpoints.PathFor(purpose, objectId) + "?token=" + token), lifetime);
    }
}
