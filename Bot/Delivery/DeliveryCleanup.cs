using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// Deletes finished Update and Delete rows (progress-card refreshes, card updates of tickets, edits, recalls) once they are
/// <see cref="DeliveryOptions.FinishedUpdateRetention"/> old. Nothing reads them after they finish: read receipts, read
/// counts, exports, follow-ups and attendance read Send rows only, and coalescing looks at pending updates only. Send rows
/// stay: they are the record of who got what.
/// </summary>
internal sealed partial class DeliveryCleanup(IServiceScopeFactory scopes, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<DeliveryCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await DeleteFinishedUpdatesAsync(scope.ServiceProvider.GetRequiredService<BotDbContext>(), time.GetUtcNow() - options.Value.FinishedUpdateRetention, stoppingToken);
                if (deleted > 0) LogDeleted(logger, deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex); // the next tick tries again; a few extra rows harm nothing
            }
        }
    }

    /// <summary>Deletes Update/Delete rows that reached a final state before <paramref name="cutoff"/>; returns how many.</summary>
    internal static Task<int> DeleteFinishedUpdatesAsync(BotDbContext db, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        db.Set<DeliveryRecord>()
            .Where(r => r.Operation != DeliveryOperation.Send
                && (r.State == DeliveryState.Sent || r.State == DeliveryState.Failed || r.State == DeliveryState.Expired)
                && r.CompletedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Debug, Message = "Deleted {Count} finished update and delete deliveries")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 8013, Level = LogLevel.Warning, Message = "Could not delete finished update and delete deliveries")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
