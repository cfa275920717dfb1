namespace OrganBot.Bot.Auth;

/// <summary>An authenticated caller of /api/messages: what its token proved, before the activity is checked against it.</summary>
/// <param name="Kind">Which kind of token it presented.</param>
/// <param name="Endorsements">Channel ids the signing key may sign for (Bot Framework channel tokens only).</param>
/// <param name="ServiceUrlClaim">The token's <c>serviceurl</c> claim, if any.</param>
internal sealed record ChannelCaller(CallerKind Kind, IReadOnlyCollection<string> Endorsements, string? ServiceUrlClaim)
{
    public static ChannelCaller Anonymous { get; } = new(CallerKind.Anonymous, [], null);

    /// <summary>
    /// Only a Bot Framework channel token's <c>serviceurl</c> claim vouches for a service URL (the SDK's ChannelValidation);
    /// an Entra token, whatever it carries, never makes a URL one that receives the bot's outbound token.
    /// </summary>
    public bool CanVouchForServiceUrl => Kind == CallerKind.Channel;
}

internal enum CallerKind
{
    /// <summary>Dev mode: no token, loopback only.</summary>
    Anonymous,

    /// <summary>A Bot Framework channel token (issuer <c>ToBotFromChannelTokenIssuer</c>).</summary>
    Channel,

    /// <summary>
    /// An app-only Entra token of the bot's own tenant that the bot's own identity asked for (<c>appid</c>/<c>azp</c> =
    /// MicrosoftAppId), single-tenant bots only.
    /// </summary>
    EntraTenant,
}
