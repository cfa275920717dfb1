using System.Globalization;
using Microsoft.Extensions.Options;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// Paces every connector call of the delivery pipeline in this process (protocol.md §5.1): a tenant bucket that spaces
/// calls evenly at <see cref="DeliveryOptions.TenantRatePerSecond"/>, and per-conversation sliding windows
/// (7/1 s, 8/2 s, 60/30 s, 1800/3600 s). A 429 pauses the whole tenant for Retry-After and cuts its rate to 80%, which
/// then recovers linearly over <see cref="RecoveryPeriod"/>.
/// </summary>
internal sealed class DeliveryPacer
{
    /// <summary>How long the rate takes to climb back to full speed after a 429.</summary>
    public static readonly TimeSpan RecoveryPeriod = TimeSpan.FromSeconds(10);

    /// <summary>Share of the rate kept right after a 429.</summary>
    private const double SlowdownFactor = 0.8;

    private const string DefaultTenant = "";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly DeliveryOptions _options;
    private readonly (int Count, TimeSpan Window)[] _conversationWindows;
    private readonly TimeSpan _longestWindow;
    private readonly Dictionary<string, TenantState> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConversationLog> _conversations = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep;

    public DeliveryPacer(IOptions<DeliveryOptions> options, TimeProvider time)
    {
        _time = time;
        _options = options.Value;
        _conversationWindows = [.. _options.ConversationLimits.Select(ParseLimit)];
        _longestWindow = _conversationWindows.Length == 0 ? TimeSpan.Zero : _conversationWindows.Max(w => w.Window);
    }

    /// <summary>Calls granted so far (for statistics).</summary>
    public long Granted { get; private set; }

    /// <summary>429s reported so far.</summary>
    public long Throttled { get; private set; }

    /// <summary>Waits for a slot to call the connector for <paramref name="conversationKey"/> in <paramref name="tenantId"/>.</summary>
    public async Task AcquireAsync(string? tenantId, string conversationKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            var reserved = false;
            long epoch;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                var tenant = Tenant(tenantId);
                var conversation = Conversation(conversationKey);
                epoch = tenant.PauseEpoch;
                var conversationReady = Max(conversation.EarliestAllowed(now, _conversationWindows, _options.ConversationSafetyMargin), conversation.PausedUntil);
                if (conversationReady > now)
                {
                    // Wait for this conversation without holding a tenant slot others could use.
                    wait = conversationReady - now;
                }
                else
                {
                    var slot = Max(Max(tenant.Next, tenant.PausedUntil), now);
                    tenant.Next = slot + Interval(tenant, now);
                    conversation.Record(slot, now - _longestWindow);
                    Granted++;
                    reserved = true;
                    wait = slot - now;
                }

                SweepIfDue(now);
            }

            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken);
            if (!reserved) continue;

            lock (_gate)
            {
                // A 429 that arrived while we waited pauses everyone, including slots already handed out.
                var tenant = Tenant(tenantId);
                if (tenant.PauseEpoch == epoch || tenant.PausedUntil <= _time.GetUtcNow()) return;
            }
        }
    }

    /// <summary>A 429: pause the tenant (and the conversation) until Retry-After and slow the tenant's rate down.</summary>
    public void ReportThrottled(string? tenantId, string conversationKey, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var until = now + retryAfter;
            var tenant = Tenant(tenantId);
            if (until > tenant.PausedUntil) tenant.PausedUntil = until;
            tenant.PauseEpoch++;
            tenant.SlowedAt = now;
            var conversation = Conversation(conversationKey);
            if (until > conversation.PausedUntil) conversation.PausedUntil = until;
            Throttled++;
        }
    }

    /// <summary>When the tenant may call again (for progress estimates).</summary>
    public double CurrentRate(string? tenantId)
    {
        lock (_gate)
        {
            var tenant = Tenant(tenantId);
            return 1 / Interval(tenant, _time.GetUtcNow()).TotalSeconds;
        }
    }

    private TimeSpan Interval(TenantState tenant, DateTimeOffset now)
    {
        var rate = _options.TenantRatePerSecond;
        if (tenant.SlowedAt is { } slowedAt && now - slowedAt < RecoveryPeriod)
        {
            // Slower right after a 429, back to full speed linearly over the recovery period.
            var recovered = (now - slowedAt) / RecoveryPeriod;
            rate *= SlowdownFactor + ((1 - SlowdownFactor) * recovered);
        }

        // Even spacing; the margin keeps any one-second window at or under the rate despite scheduling jitter.
        return TimeSpan.FromSeconds(1 / rate) + (_options.PacerSafetyMargin / Math.Max(1, _options.TenantRatePerSecond));
    }

    private TenantState Tenant(string? tenantId)
    {
        var key = tenantId ?? DefaultTenant;
        if (!_tenants.TryGetValue(key, out var state))
        {
            state = new TenantState();
            _tenants[key] = state;
        }

        return state;
    }

    private ConversationLog Conversation(string key)
    {
        if (!_conversations.TryGetValue(key, out var log))
        {
            log = new ConversationLog();
            _conversations[key] = log;
        }

        return log;
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < _nextSweep) return;
        _nextSweep = now + TimeSpan.FromMinutes(1);
        var horizon = now - _longestWindow - TimeSpan.FromSeconds(1);
        foreach (var (key, log) in _conversations.ToList())
        {
            if (log.LastCall < horizon && log.PausedUntil < now) _conversations.Remove(key);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    internal static (int Count, TimeSpan Window) ParseLimit(string limit)
    {
        var parts = limit.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            throw new FormatException($"Delivery:ConversationLimits entry \"{limit}\" must look like \"7/1\" (count/seconds).");
        }

        return (count, TimeSpan.FromSeconds(seconds));
    }

    private sealed class TenantState
    {
        public DateTimeOffset Next { get; set; }
        public DateTimeOffset PausedUntil { get; set; }
        public long PauseEpoch { get; set; }
        public DateTimeOffset? SlowedAt { get; set; }
    }

    /// <summary>Times of this conversation's granted calls, ascending, kept for the longest window.</summary>
    private sealed class ConversationLog
    {
        private readonly List<DateTimeOffset> _calls = [];

        public DateTimeOffset PausedUntil { get; set; }

        public DateTimeOffset LastCall => _calls.Count == 0 ? DateTimeOffset.MinValue : _calls[^1];

        public DateTimeOffset EarliestAllowed(DateTimeOffset now, (int Count, TimeSpan Window)[] windows, TimeSpan margin)
        {
            var earliest = now;
            foreach (var (count, window) in windows)
            {
                // The count-th most recent call must have left the window.
                if (_calls.Count >= count)
                {
                    var free = _calls[^count] + window + margin;
                    if (free > earliest) earliest = free;
                }
            }

            return earliest;
        }

        public void Record(DateTimeOffset at, DateTimeOffset horizon)
        {
            _calls.Add(at);
            var stale = 0;
            while (stale < _calls.Count - 1 && _calls[stale] < horizon) stale++;
            if (stale > 0) _calls.RemoveRange(0, stale);
        }
    }
}
