using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// Shares the tenant budget between the live instances: each worker writes a heartbeat row every
/// <see cref="DeliveryOptions.HeartbeatInterval"/> and counts the rows seen within three intervals; the pacer then
/// releases <see cref="DeliveryOptions.TenantRatePerSecond"/> / N per instance. Going from one instance to three needs no
/// setting change. An instance that joins is counted by the others at their next beat (one interval); one that dies
/// still counts for up to five (the others run below the budget meanwhile, never above it).
/// </summary>
internal sealed class DeliveryInstances(IServiceScopeFactory scopes, DeliveryPacer pacer, IOptions<DeliveryOptions> options, TimeProvider time)
{
    private readonly DeliveryOptions _options = options.Value;

    /// <summary>This process's row.</summary>
    public string Id { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Writes this instance's heartbeat, counts the live ones, and gives the pacer its share. Returns N.</summary>
    public async Task<int> BeatAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var rows = db.Set<DeliveryInstanceRecord>();
        var now = time.GetUtcNow();
        if (await rows.Where(i => i.Id == Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.LastSeenAt, now), cancellationToken) == 0)
        {
            rows.Add(new DeliveryInstanceRecord { Id = Id, LastSeenAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        var fresh = now - (5 * _options.HeartbeatInterval);
        var live = Math.Max(1, await rows.CountAsync(i => i.LastSeenAt >= fresh, cancellationToken));

        // Rows of instances gone for long are noise for whoever reads the table.
        await rows.Where(i => i.LastSeenAt < now - TimeSpan.FromHours(1)).ExecuteDeleteAsync(cancellationToken);
        pacer.SetInstances(live);
        return live;
    }

    /// <summary>A graceful stop hands this instance's share back at once.</summary>
    public async Task LeaveAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<DeliveryInstanceRecord>().Where(i => i.Id == Id).ExecuteDeleteAsync(CancellationToken.None);
    }
}
