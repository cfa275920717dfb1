namespace OrganBot.Bot.Auth;

/// <summary>An authenticated caller of /api/messages: what its token proved, before the activity is checked against it.</summary>
/// <param name="Kind">Which kind of token it presented.</param>
/// <param name="Endorsements">Channel ids the signing key may sign for (Bot Framework tokens only).</param>
/// <param name="ServiceUrlClaim">The token's <c>serviceurl</c> claim, if any.</param>
internal sealed record ChannelCaller(CallerKind Kind, IReadOnlyCollection<string> Endorsements, string? ServiceUrlClaim)
{
    public static ChannelCaller Anonymous { get; } = new(CallerKind.Anonymous, [], null);
}

internal enum CallerKind
{
    /// <summary>Dev mode: no token, loopback only.</summary>
    Anonymous,

    /// <summary>A Bot Framework channel token (issuer <c>ToBotFromChannelTokenIssuer</c>).</summary>
    Channel,

    /// <summary>An Entra token of the bot's own tenant (single-tenant bots).</summary>
    EntraTenant,
}
