using Microsoft.Extensions.Options;
using Npgsql;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// On PostgreSQL, an enqueue anywhere wakes every instance's worker (<c>NOTIFY organbot_delivery</c>, sent by
/// <see cref="DeliveryQueue"/> and delivered at commit) instead of leaving idle instances to their next poll. On SQLite
/// there is one process, and the in-process <see cref="DeliverySignal"/> does the same.
/// </summary>
internal sealed partial class DeliveryNotifications(
    DeliverySignal signal,
    IOptions<StorageOptions> storage,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryNotifications> logger) : BackgroundService
{
    public const string Channel = "organbot_delivery";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage.Value.Provider != StorageProvider.Postgres) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(storage.Value.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Rows enqueued while we were not listening are found by the worker's own poll.
                signal.Pulse();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, TimeProvider.System, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 8010, Level = LogLevel.Warning, Message = "Lost the delivery notification channel; reconnecting (the worker keeps polling)")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
