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
internal sealed partial class DeliveryCleanup(IServiceScopeFactory scopes, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<DeliveryCleanup> logger)
    : PeriodicCleanup(scopes, time, TimeSpan.FromMinutes(10))
{
    protected override Task<int> CleanAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        DeleteFinishedUpdatesAsync(services.GetRequiredService<BotDbContext>(), now - options.Value.FinishedUpdateRetention, cancellationToken);

    protected override void OnDeleted(int count) => LogDeleted(logger, count);

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception);

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
