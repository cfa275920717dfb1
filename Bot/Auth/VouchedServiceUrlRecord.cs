namespace OrganBot.Bot.Auth;

/// <summary>
/// A service URL that a Bot Framework channel token's <c>serviceurl</c> claim vouched for: the bot's outbound token may
/// go there, also from another instance and after a restart (proactive sends). Kept apart from the URLs merely seen in
/// the conversation directory, which any authenticated caller could have named.
/// </summary>
public sealed class VouchedServiceUrlRecord
{
    /// <summary>Normalised: scheme://host[:port]/path/ in lower case (<see cref="TrustedServiceUrls.Normalize"/>).</summary>
    public required string Url { get; set; }

    public DateTimeOffset VouchedAt { get; set; }
}
