using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.Auth;

/// <summary>Decides whether an inbound request really comes from the channel (protocol.md §2).</summary>
internal interface IChannelAuthenticator
{
    Task<ChannelAuthResult> AuthenticateAsync(HttpContext context, Activity activity, CancellationToken cancellationToken);
}

internal sealed record ChannelAuthResult(bool Succeeded, string? Failure = null)
{
    public static ChannelAuthResult Success { get; } = new(true);

    public static ChannelAuthResult Fail(string reason) => new(false, reason);
}
