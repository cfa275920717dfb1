using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Auth;

/// <summary>
/// The service URLs the bot's outbound token may be sent to: those listed in <c>TrustedServiceUrls</c>, and those a Bot
/// Framework channel token vouched for (its <c>serviceurl</c> claim equalled the activity's serviceUrl). Vouched URLs are
/// stored in <c>VouchedServiceUrls</c> so proactive sends from any instance keep their token. A URL that only arrived on
/// an activity, or only sits in the conversation directory, is not trusted: an Entra token can name any URL.
/// </summary>
internal sealed class TrustedServiceUrls(IServiceScopeFactory scopes, TimeProvider time, IOptions<BotAuthOptions> options, ILogger<TrustedServiceUrls> logger)
{
    private static readonly TimeSpan s_reloadInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, byte> _bases = new(
        options.Value.TrustedServiceUrls.Select(Normalize).OfType<string>().Select(u => KeyValuePair.Create(u, (byte)0)), StringComparer.Ordinal);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private DateTimeOffset _nextReload = DateTimeOffset.MinValue;

    /// <summary>Records that a channel token vouched for <paramref name="serviceUrl"/>; writes once per URL and process.</summary>
    public async Task VouchAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        if (Normalize(serviceUrl) is not { } normalized || normalized.Length > 512 || _bases.ContainsKey(normalized)) return;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var vouched = db.Set<VouchedServiceUrlRecord>();
        if (!await vouched.AnyAsync(v => v.Url == normalized, cancellationToken))
        {
            vouched.Add(new VouchedServiceUrlRecord { Url = normalized, VouchedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                AuthLog.ServiceUrlVouched(logger, normalized);
            }
            catch (DbUpdateException)
            {
                // Another instance stored it first: it is vouched either way.
            }
        }

        _bases.TryAdd(normalized, 0);
    }

    /// <summary>Whether <paramref name="requestUri"/> lies under a trusted service URL; rereads the vouched URLs on a miss (at most once a minute).</summary>
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
            foreach (var url in await db.Set<VouchedServiceUrlRecord>().AsNoTracking().Select(v => v.Url).ToListAsync(cancellationToken))
            {
                _bases.TryAdd(url, 0);
            }

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
