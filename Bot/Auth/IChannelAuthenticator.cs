using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.Auth;

/// <summary>
/// Decides whether an inbound request really comes from the channel (docs/protocol.md §2), in two steps so that a
/// request without valid credentials is refused before its body is read.
/// </summary>
internal interface IChannelAuthenticator
{
    /// <summary>Step 1, before the body is read: who is calling (token signature, issuer, audience, app id, lifetime).</summary>
    Task<ChannelAuthResult> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Step 2, once the activity is parsed: may this caller send this activity (endorsement, serviceurl claim). A channel
    /// token whose claim matches makes the activity's service URL a vouched one (<see cref="TrustedServiceUrls"/>).
    /// </summary>
    Task<ChannelAuthResult> AuthorizeAsync(ChannelCaller caller, Activity activity, CancellationToken cancellationToken);
}

internal sealed record ChannelAuthResult(ChannelCaller? Caller, string? Failure = null)
{
    public bool Succeeded => Caller is not null;

    public static ChannelAuthResult Success(ChannelCaller caller) => new(caller);

    public static ChannelAuthResult Fail(string reason) => new(null, reason);
}
