using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Auth;

/// <summary>
/// The service URLs outbound tokens may be sent to: those that arrived on authenticated activities (the token's
/// <c>serviceurl</c> claim vouched for them) and those stored in the Conversations table, which only holds
/// conversations seen on authenticated activities (docs/protocol.md §3.1, BFSPEC A7560).
/// </summary>
internal sealed class TrustedServiceUrls(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan s_reloadInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, byte> _bases = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private DateTimeOffset _nextReload = DateTimeOffset.MinValue;

    public void Add(string serviceUrl)
    {
        if (Normalize(serviceUrl) is { } normalized) _bases.TryAdd(normalized, 0);
    }

    /// <summary>Whether <paramref name="requestUri"/> lies under a trusted service URL; reads the stored conversations on a miss (at most once a minute).</summary>
    public async Task<bool> IsTrustedAsync(Uri requestUri, CancellationToken cancellationToken)
    {
        if (Covers(requestUri)) return true;
        if (time.GetUtcNow() < _nextReload) return false;

        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (Covers(requestUri)) return true;
            if (time.GetUtcNow() < _nextReload) return false;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            foreach (var url in await db.Conversations.Select(c => c.ServiceUrl).Distinct().ToListAsync(cancellationToken)) Add(url);
            _nextReload = time.GetUtcNow() + s_reloadInterval;
            return Covers(requestUri);
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Two service URLs are the same when they differ only in case or a trailing slash.</summary>
    public static bool SameServiceUrl(string? a, string? b) => Normalize(a) is { } x && x == Normalize(b);

    /// <summary>scheme://host[:port]/path/ in lower case, without query or fragment; null when not an absolute http(s) URL.</summary>
    internal static string? Normalize(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant() + "/"
            : null;

    private bool Covers(Uri requestUri)
    {
        var target = Normalize(requestUri.AbsoluteUri);
        return target is not null && _bases.Keys.Any(b => target.StartsWith(b, StringComparison.Ordinal));
    }
}
