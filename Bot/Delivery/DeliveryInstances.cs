using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// Shares the tenant budget between the live instances: each worker writes a heartbeat row every
/// <see cref="DeliveryOptions.HeartbeatInterval"/> and counts the rows seen within five intervals; the pacer then
/// releases <see cref="DeliveryOptions.TenantRatePerSecond"/> / N per instance. Going from one instance to three needs no
/// setting change. An instance that joins sends nothing until the others have counted it (their next beat) and their
/// calls at the old share have left the window; one that leaves is counted out by the others one window after they
/// notice; one that dies still counts for up to five intervals (the others run below the budget meanwhile, never above it).
/// </summary>
internal sealed class DeliveryInstances(IServiceScopeFactory scopes, DeliveryPacer pacer, IOptions<DeliveryOptions> options)
{
    private readonly DeliveryOptions _options = options.Value;

    private DateTimeOffset? _joinedAt;
    private bool _counted;
    private readonly Dictionary<string, DateTimeOffset> _firstBeatAfterJoin = new(StringComparer.Ordinal);

    /// <summary>This process's row.</summary>
    public string Id { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Writes this instance's heartbeat, counts the live ones, and gives the pacer its share. Returns N.</summary>
    public async Task<int> BeatAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var rows = db.Set<DeliveryInstanceRecord>();
        var began = pacer.Now;
        // Liveness is wall-clock time, as the pacer keeps it: a test's or an office's clock must not freeze the stamps.
        var now = began;
        if (await rows.Where(i => i.Id == Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.LastSeenAt, now), cancellationToken) == 0)
        {
            rows.Add(new DeliveryInstanceRecord { Id = Id, LastSeenAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        _joinedAt ??= pacer.Now;
        var fresh = now - (5 * _options.HeartbeatInterval);
        var seen = await rows.Where(i => i.LastSeenAt >= fresh).Select(i => new { i.Id, i.LastSeenAt }).ToListAsync(cancellationToken);
        var live = Math.Max(1, seen.Count);
        if (!_counted)
        {
            // Joining: send nothing until every other live instance has finished a beat that counted us (it has cut its
            // share), then one window more for its calls at the old share to leave Teams' window. One that missed two
            // beats is presumed gone (it still counts in N until five).
            var missed = now - (2 * _options.HeartbeatInterval);
            _counted = seen.All(i => i.Id == Id || i.LastSeenAt < missed || HasCountedUs(i.Id, i.LastSeenAt));
            pacer.Hold(_counted ? (seen.Count > 1 ? pacer.Window + _options.InFlightAllowance : TimeSpan.Zero) : null);
        }

        // The others count this instance out five intervals after this beat's stamp: if our beats stall (a slow database,
        // a starved thread pool), stop sending a little before that rather than add to their raised shares.
        pacer.SendUntil(seen.Count > 1 ? began + (4 * _options.HeartbeatInterval) : null);

        // Rows of instances gone for long are noise for whoever reads the table.
        await rows.Where(i => i.LastSeenAt < now - TimeSpan.FromHours(1)).ExecuteDeleteAsync(cancellationToken);
        pacer.SetInstances(live);
        return live;
    }

    /// <summary>
    /// Whether another instance has finished a beat that counted us: a stamp after we joined means its count saw our row,
    /// but its new share is applied only at the end of that beat, so we wait for the stamp of its next one.
    /// </summary>
    private bool HasCountedUs(string other, DateTimeOffset lastSeenAt)
    {
        if (lastSeenAt <= _joinedAt) return false;
        if (!_firstBeatAfterJoin.TryGetValue(other, out var first))
        {
            _firstBeatAfterJoin[other] = lastSeenAt;
            return false;
        }

        return lastSeenAt > first;
    }

    /// <summary>A graceful stop hands this instance's share back at once.</summary>
    public async Task LeaveAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<DeliveryInstanceRecord>().Where(i => i.Id == Id).ExecuteDeleteAsync(CancellationToken.None);
    }
}
