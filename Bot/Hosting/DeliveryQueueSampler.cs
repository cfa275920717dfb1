using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.Telemetry;

namespace OrganBot.Bot.Hosting;

/// <summary>
/// Counts the outbox rows still to send for the <c>organbot.delivery.queue_depth</c> gauge, every few seconds and only
/// while a metrics reader wants it, so a bot without a metrics exporter never runs the query.
/// </summary>
internal sealed partial class DeliveryQueueSampler(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<DeliveryQueueSampler> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real elapsed time, not the app's TimeProvider: tests that fake business time still get fresh readings.
        using var timer = new PeriodicTimer(Interval);
        try
        {
            // The outbox table exists once start-up (migrations included) is over.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            do
            {
                if (BotTelemetry.QueueDepthWanted) await SampleAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host is stopping.
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var rows = scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<DeliveryRecord>();
            var depth = await rows.LongCountAsync(r => r.State == DeliveryState.Pending || r.State == DeliveryState.Sending, cancellationToken);
            BotTelemetry.DeliveryQueueSampled(depth);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSampleFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 1911, Level = LogLevel.Debug, Message = "Could not count the delivery queue for metrics")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
