using Microsoft.Extensions.Options;
using OrganBot.Dialogs.Downloads;

namespace OrganBot.Bot.Downloads;

/// <summary>
/// Makes the one-time links: a token in <see cref="DownloadTokenStore"/>, on the bot's public address. A console sign-in
/// link opens the console's sign-in page; every other purpose a download.
/// </summary>
internal sealed class DownloadLinks(DownloadTokenStore tokens, PublicAddress address, IOptionsMonitor<DownloadOptions> options) : IDownloadLinks
{
    /// <summary>The console's sign-in page (Bot/Console), which spends the link only when the admin presses 登录.</summary>
    public const string SignInPath = "/console/signin";

    public async Task<DownloadLink> CreateAsync(string purpose, string objectId, string adminAadObjectId, CancellationToken cancellationToken)
    {
        var lifetime = options.CurrentValue.LinkLifetime;
        var token = await tokens.CreateAsync(purpose, objectId, adminAadObjectId, lifetime, cancellationToken);
        var path = purpose == DownloadPurposes.ConsoleSignIn ? SignInPath : DownloadEndpoints.PathFor(purpose, objectId);
        return new DownloadLink(address.Link(path + "?token=" + token), lifetime);
    }
}
