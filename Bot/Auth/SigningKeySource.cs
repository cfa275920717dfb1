using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace OrganBot.Bot.Auth;

/// <summary>
/// Cached signing keys of one metadata URL. A ConfigurationManager refreshes them every 12 hours (plus jitter).
/// When a token names a key we have not seen (key rotation) the keys are refetched right away, at most once per
/// <see cref="UnknownKeyRefetchInterval"/>, so a flood of made-up key ids cannot hammer the metadata endpoint.
/// </summary>
internal sealed class SigningKeySource
{
    public static readonly TimeSpan UnknownKeyRefetchInterval = TimeSpan.FromMinutes(5);

    private readonly ConfigurationManager<SigningKeySet> _manager;
    private readonly HttpDocumentRetriever _documents;
    private readonly SigningKeySetRetriever _retriever = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refetch = new(1, 1);
    private SigningKeySet? _lastScheduled;
    private SigningKeySet? _refetched;
    private DateTimeOffset _nextRefetch = DateTimeOffset.MinValue;

    public SigningKeySource(string metadataUrl, HttpClient http, TimeProvider time, ILogger logger)
    {
        _documents = new HttpDocumentRetriever(http) { RequireHttps = !new Uri(metadataUrl).IsLoopback };
        _manager = new ConfigurationManager<SigningKeySet>(metadataUrl, _retriever, _documents);
        _time = time;
        _logger = logger;
        MetadataUrl = metadataUrl;
    }

    public string MetadataUrl { get; }

    /// <summary>The key with this id and its endorsements, refetching the metadata if it is unknown; null if it stays unknown.</summary>
    public async Task<(JsonWebKey Key, IReadOnlyCollection<string> Endorsements)?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (Lookup(current, kid) is { } hit) return hit;
        if (_time.GetUtcNow() < _nextRefetch) return null;

        await _refetch.WaitAsync(cancellationToken);
        try
        {
            if (Lookup(_refetched, kid) is { } meanwhile) return meanwhile;
            if (_time.GetUtcNow() < _nextRefetch) return null;
            AuthLog.UnknownKeyRefresh(_logger, kid.Length > 80 ? kid[..80] : kid, MetadataUrl);
            _nextRefetch = _time.GetUtcNow() + UnknownKeyRefetchInterval;
            _refetched = await _retriever.GetConfigurationAsync(MetadataUrl, _documents, cancellationToken);
            return Lookup(_refetched, kid);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or System.Text.Json.JsonException)
        {
            throw new InvalidOperationException($"Signing keys could not be refetched from {MetadataUrl}.", ex);
        }
        finally
        {
            _refetch.Release();
        }
    }

    /// <summary>The newest key set: our own refetch, until the scheduled refresh brings a newer one (keys dropped by a rotation then go too).</summary>
    private async Task<SigningKeySet> CurrentAsync(CancellationToken cancellationToken)
    {
        var scheduled = await _manager.GetConfigurationAsync(cancellationToken);
        if (!ReferenceEquals(scheduled, _lastScheduled))
        {
            var firstLoad = _lastScheduled is null;
            _lastScheduled = scheduled;
            if (!firstLoad) _refetched = null;
        }

        return _refetched ?? scheduled;
    }

    private static (JsonWebKey Key, IReadOnlyCollection<string> Endorsements)? Lookup(SigningKeySet? keys, string kid) =>
        keys?.Find(kid) is { } key ? (key, keys.EndorsementsOf(kid)) : null;
}
