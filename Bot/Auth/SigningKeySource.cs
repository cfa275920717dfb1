using Microsoft.IdentityModel.Protocols;

namespace OrganBot.Bot.Auth;

/// <summary>
/// Cached signing keys of one metadata URL. The ConfigurationManager refreshes them every 12 hours (plus jitter) and,
/// when a token names a key it has not seen (key rotation), at most once per 5 minutes on request.
/// </summary>
internal sealed partial class SigningKeySource
{
    private readonly ConfigurationManager<SigningKeySet> _manager;
    private readonly ILogger _logger;

    public SigningKeySource(string metadataUrl, HttpClient http, ILogger logger)
    {
        var uri = new Uri(metadataUrl);
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = !uri.IsLoopback };
        _manager = new ConfigurationManager<SigningKeySet>(metadataUrl, new SigningKeySetRetriever(), retriever);
        _logger = logger;
        MetadataUrl = metadataUrl;
    }

    public string MetadataUrl { get; }

    /// <summary>The key with this id, refetching the metadata once if it is unknown; null if it stays unknown.</summary>
    public async Task<(Microsoft.IdentityModel.Tokens.JsonWebKey Key, IReadOnlyCollection<string> Endorsements)?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        var keys = await _manager.GetConfigurationAsync(cancellationToken);
        if (keys.Find(kid) is null)
        {
            AuthLog.UnknownKeyRefresh(_logger, kid, MetadataUrl);
            _manager.RequestRefresh();
            keys = await _manager.GetConfigurationAsync(cancellationToken);
        }

        return keys.Find(kid) is { } key ? (key, keys.EndorsementsOf(kid)) : null;
    }
}
