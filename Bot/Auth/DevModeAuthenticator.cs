using System.Net;
using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.Auth;

/// <summary>Dev mode (no MicrosoftAppId): anonymous requests are accepted, but only from this machine.</summary>
internal sealed class DevModeAuthenticator : IChannelAuthenticator, IConnectorTokenProvider
{
    public Task<ChannelAuthResult> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
            ? ChannelAuthResult.Success(ChannelCaller.Anonymous)
            : ChannelAuthResult.Fail("Dev mode accepts requests from loopback only."));

    public Task<ChannelAuthResult> AuthorizeAsync(ChannelCaller caller, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(ChannelAuthResult.Success(caller));

    public Task<string?> GetTokenAsync(Uri serviceUrl, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
