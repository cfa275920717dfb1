using System.Globalization;
using Microsoft.Extensions.Options;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// Paces every connector call of the delivery pipeline in this process (docs/protocol.md §5.1). Per tenant, callers queue in
/// order (one at a time at the head) and are released by a token bucket at this instance's share of
/// <see cref="DeliveryOptions.TenantRatePerSecond"/> (the rate divided by the live instances, <see cref="SetInstances"/>)
/// with a small burst allowance, so a late timer does not lose throughput; a sliding log of actual release times then
/// guarantees that no window of one second plus <see cref="DeliveryOptions.PacerSafetyMargin"/> ever holds more than the
/// configured rate, however late callers wake up. The margin covers the jitter between our release and the call's arrival
/// at Teams. Per-conversation sliding windows (7/1 s, 8/2 s, 60/30 s, 1800/3600 s) are waited for outside the tenant queue.
/// A 429 pauses the whole tenant for Retry-After, cuts its rate to 80% (recovering linearly over
/// <see cref="RecoveryPeriod"/>) and widens the tenant margin by <see cref="MarginStep"/> (up to 150 ms, fading over 30 s, so one stray 429 costs about 0.3 % of a minute's rate and repeated ones stack up):
/// a 429 costs a whole second at full rate, a millisecond of margin only 0.1% of the rate.
/// </summary>
internal sealed class DeliveryPacer
{
    /// <summary>How long the rate takes to climb back to full speed after a 429.</summary>
    public static readonly TimeSpan RecoveryPeriod = TimeSpan.FromSeconds(10);

    /// <summary>Extra tenant margin per 429 (our overshoot or someone else's traffic: either way, leave more room for a while).</summary>
    public static readonly TimeSpan MarginStep = TimeSpan.FromMilliseconds(25);

    private static readonly TimeSpan s_maxExtraMargin = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan s_marginDecay = TimeSpan.FromSeconds(30);

    /// <summary>Tokens the bucket may hold: this long at the full rate (at least one call).</summary>
    private static readonly TimeSpan s_burst = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest single sleep of a waiting caller before it looks again.</summary>
    private static readonly TimeSpan s_recheck = TimeSpan.FromMilliseconds(100);

    /// <summary>Share of the rate kept right after a 429.</summary>
    private const double SlowdownFactor = 0.8;

    private const string DefaultTenant = "";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly DeliveryOptions _options;
    private readonly (int Count, TimeSpan Window)[] _conversationWindows;
    private readonly TimeSpan _longestWindow;
    private volatile int _instances = 1;
    private (int Count, DateTimeOffset At)? _pendingInstances;
    private DateTimeOffset _holdUntil;
    private DateTimeOffset? _sendUntil;
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

    /// <summary>
    /// Live instances sharing the tenant budget (from their heartbeats): this process takes 1/N of it. More instances take
    /// effect at once; fewer only after one window plus the in-flight allowance, so the calls of one that just left have
    /// left Teams' window before this one speeds up.
    /// </summary>
    public void SetInstances(int instances)
    {
        instances = Math.Max(1, instances);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ApplyPendingInstances(now);
            if (instances >= _instances)
            {
                _instances = instances;
                _pendingInstances = null;
            }
            else if (_pendingInstances is null || instances < _pendingInstances.Value.Count)
            {
                _pendingInstances = (instances, now + Window + _options.InFlightAllowance);
            }
        }
    }

    /// <summary>
    /// Releases nothing for <paramref name="duration"/> (null: until told otherwise). An instance that joins holds until the
    /// others have counted it and their calls under the old share have left the window.
    /// </summary>
    public void Hold(TimeSpan? duration)
    {
        lock (_gate) _holdUntil = duration is { } d ? _time.GetUtcNow() + d : DateTimeOffset.MaxValue;
    }

    /// <summary>
    /// Releases nothing after <paramref name="until"/> (null: no limit) until called again: an instance sharing the budget
    /// sends only while its heartbeat is fresh enough for the others to count it.
    /// </summary>
    public void SendUntil(DateTimeOffset? until)
    {
        lock (_gate) _sendUntil = until;
    }

    /// <summary>The pacer's clock (the wall clock).</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The tenant window with the configured margin (without the extra margin after 429s).</summary>
    public TimeSpan Window => TimeSpan.FromSeconds(1) + _options.PacerSafetyMargin;

    private void ApplyPendingInstances(DateTimeOffset now)
    {
        if (_pendingInstances is { } pending && now >= pending.At)
        {
            _instances = pending.Count;
            _pendingInstances = null;
        }
    }

    /// <summary>This process's share of <see cref="DeliveryOptions.TenantRatePerSecond"/>.</summary>
    public double ShareOfRate => _options.TenantRatePerSecond / _instances;

    /// <summary>Calls granted so far (for statistics).</summary>
    public long Granted { get; private set; }

    /// <summary>429s reported so far.</summary>
    public long Throttled { get; private set; }

    /// <summary>Called under the pacer's lock with the time of every release (benchmark instrumentation; keep it cheap).</summary>
    internal Action<DateTimeOffset>? ReleaseObserver { get; set; }

    /// <summary>
    /// Waits for a slot to call the connector for <paramref name="conversationKey"/> in <paramref name="tenantId"/>. Tell the
    /// returned slot when the call was answered (<see cref="PacerSlot.Answered"/>), so the tenant window counts it from then.
    /// </summary>
    public async Task<PacerSlot> AcquireAsync(string? tenantId, string conversationKey, CancellationToken cancellationToken)
    {
        TenantState tenant;
        lock (_gate) tenant = Tenant(tenantId);
        while (true)
        {
            // 1. This conversation's own windows, without holding the tenant queue others could use.
            TimeSpan conversationWait;
            lock (_gate) conversationWait = ConversationWait(conversationKey, _time.GetUtcNow());
            if (conversationWait > TimeSpan.Zero)
            {
                await Task.Delay(conversationWait, _time, cancellationToken);
                continue;
            }

            // 2. The tenant queue: one caller at a time waits for the bucket and the window, in arrival order.
            await tenant.Queue.WaitAsync(cancellationToken);
            try
            {
                while (true)
                {
                    TimeSpan wait;
                    lock (_gate)
                    {
                        var now = _time.GetUtcNow();
                        if (ConversationWait(conversationKey, now) > TimeSpan.Zero) break; // another call to it got in first
                        wait = TenantWait(tenant, now);
                        if (wait <= TimeSpan.Zero)
                        {
                            tenant.Tokens -= 1;
                            var slot = new PacerSlot(now + _options.InFlightAllowance, _time);
                            tenant.Released.Add(slot);
                            Conversation(conversationKey).Record(slot, now - _longestWindow);
                            Granted++;
                            ReleaseObserver?.Invoke(now);
                            SweepIfDue(now);
                            return slot;
                        }
                    }

                    // Re-checked at least this often: an answer can free the window sooner than computed, and a hold can end.
                    await Task.Delay(wait < s_recheck ? wait : s_recheck, _time, cancellationToken);
                }
            }
            finally
            {
                tenant.Queue.Release();
            }
        }
    }

    /// <summary>A 429: pause the tenant (and the conversation) until Retry-After, slow the tenant's rate down, widen its margin.</summary>
    public void ReportThrottled(string? tenantId, string conversationKey, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var until = now + retryAfter;
            var tenant = Tenant(tenantId);
            if (until > tenant.PausedUntil) tenant.PausedUntil = until;
            tenant.SlowedAt = now;
            var extra = ExtraMargin(tenant, now) + MarginStep;
            tenant.ExtraMargin = extra < s_maxExtraMargin ? extra : s_maxExtraMargin;
            tenant.ExtraMarginAt = now;
            var conversation = Conversation(conversationKey);
            if (until > conversation.PausedUntil) conversation.PausedUntil = until;
            Throttled++;
        }
    }

    /// <summary>Calls per second the tenant is released at now (for progress estimates).</summary>
    public double CurrentRate(string? tenantId)
    {
        lock (_gate) return Rate(Tenant(tenantId), _time.GetUtcNow());
    }

    private TimeSpan ConversationWait(string conversationKey, DateTimeOffset now)
    {
        var conversation = Conversation(conversationKey);
        var ready = Max(conversation.EarliestAllowed(now, _conversationWindows, _options.ConversationSafetyMargin), conversation.PausedUntil);
        return ready - now;
    }

    /// <summary>How long until the tenant may release one more call: pause, bucket, and the sliding window of release times.</summary>
    private TimeSpan TenantWait(TenantState tenant, DateTimeOffset now)
    {
        ApplyPendingInstances(now);
        var rate = Rate(tenant, now);
        var capacity = Math.Max(1, rate * s_burst.TotalSeconds);
        if (tenant.LastRefill == default) tenant.Tokens = 1;
        else tenant.Tokens = Math.Min(capacity, tenant.Tokens + ((now - tenant.LastRefill).TotalSeconds * rate));
        tenant.LastRefill = now;

        var ready = tenant.PausedUntil;
        if (tenant.Tokens < 1) ready = Max(ready, now + TimeSpan.FromSeconds((1 - tenant.Tokens) / rate));

        if (_holdUntil > ready) ready = _holdUntil;
        if (_sendUntil is { } sendUntil && now >= sendUntil) ready = Max(ready, now + s_recheck);

        // Teams counts a call when it arrives, which can be long after our release (a busy thread pool, a GC pause, the
        // network): a call counts until one window after its answer, the latest moment it can have arrived.
        var window = TimeSpan.FromSeconds(1) + _options.PacerSafetyMargin + ExtraMargin(tenant, now);
        var horizon = now - window;
        tenant.Released.RemoveAll(s => s.CountsAt <= horizon);
        var allowed = Math.Max(1, (int)Math.Floor(ShareOfRate));
        if (tenant.Released.Count >= allowed)
        {
            // Released only while the window holds fewer than the capacity: enough of the earliest must leave it first.
            var countsAt = tenant.Released.Select(s => s.CountsAt).Order().ElementAt(tenant.Released.Count - allowed);
            ready = Max(ready, countsAt + window + TimeSpan.FromTicks(1));
        }

        return ready - now;
    }

    /// <summary>Release rate: the configured rate spread over the window (so the bucket never fights the window), slower after a 429.</summary>
    private double Rate(TenantState tenant, DateTimeOffset now)
    {
        var window = 1 + (_options.PacerSafetyMargin + ExtraMargin(tenant, now)).TotalSeconds;
        var rate = ShareOfRate / window;
        if (tenant.SlowedAt is { } slowedAt && now - slowedAt < RecoveryPeriod)
        {
            // Slower right after a 429, back to full speed linearly over the recovery period.
            var recovered = (now - slowedAt) / RecoveryPeriod;
            rate *= SlowdownFactor + ((1 - SlowdownFactor) * recovered);
        }

        return rate;
    }

    private static TimeSpan ExtraMargin(TenantState tenant, DateTimeOffset now)
    {
        if (tenant.ExtraMargin <= TimeSpan.Zero) return TimeSpan.Zero;
        var left = 1 - ((now - tenant.ExtraMarginAt) / s_marginDecay);
        return left <= 0 ? TimeSpan.Zero : tenant.ExtraMargin * left;
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
        /// <summary>Callers waiting for this tenant, released one at a time in arrival order.</summary>
        public SemaphoreSlim Queue { get; } = new(1, 1);

        public double Tokens { get; set; }
        public DateTimeOffset LastRefill { get; set; }

        /// <summary>Calls that still count against the tenant window.</summary>
        public List<PacerSlot> Released { get; } = [];

        public DateTimeOffset PausedUntil { get; set; }
        public DateTimeOffset? SlowedAt { get; set; }
        public TimeSpan ExtraMargin { get; set; }
        public DateTimeOffset ExtraMarginAt { get; set; }
    }

    /// <summary>This conversation's granted calls, kept for the longest window; each counts until one window after its answer.</summary>
    private sealed class ConversationLog
    {
        private readonly List<PacerSlot> _calls = [];

        public DateTimeOffset PausedUntil { get; set; }

        public DateTimeOffset LastCall { get; private set; } = DateTimeOffset.MinValue;

        public DateTimeOffset EarliestAllowed(DateTimeOffset now, (int Count, TimeSpan Window)[] windows, TimeSpan margin)
        {
            var earliest = now;
            if (_calls.Count == 0) return earliest;
            var countsAt = _calls.Select(c => c.CountsAt).OrderDescending().ToArray();
            foreach (var (count, window) in windows)
            {
                // The count-th most recent call must have left the window.
                if (countsAt.Length >= count)
                {
                    var free = countsAt[count - 1] + window + margin;
                    if (free > earliest) earliest = free;
                }
            }

            return earliest;
        }

        public void Record(PacerSlot slot, DateTimeOffset horizon)
        {
            _calls.Add(slot);
            LastCall = slot.CountsAt;
            _calls.RemoveAll(c => c.CountsAt < horizon);
        }
    }
}
