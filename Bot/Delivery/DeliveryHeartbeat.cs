using Microsoft.Extensions.Options;

namespace OrganBot.Bot.Delivery;

/// <summary>Keeps this instance's heartbeat (and with it the pacer's share of the tenant budget) current.</summary>
internal sealed partial class DeliveryHeartbeat(DeliveryInstances instances, IOptions<DeliveryOptions> options, ILogger<DeliveryHeartbeat> logger) : BackgroundService
{
    /// <summary>The first beat before the worker starts (registered after this), so a joining instance holds from its first call.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await instances.BeatAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBeatFailed(logger, ex);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wall clock on purpose: like the pacer, the heartbeat lives in real time even where business time is faked.
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await instances.BeatAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The last share stays in force; a missed beat only makes the others count this instance a little longer.
                    LogBeatFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host is stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await instances.LeaveAsync();
        }
        catch (Exception ex)
        {
            LogBeatFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 8009, Level = LogLevel.Warning, Message = "Could not write the delivery heartbeat")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);
}
