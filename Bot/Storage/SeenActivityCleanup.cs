namespace OrganBot.Bot.Storage;

/// <summary>Deletes expired <see cref="SeenActivityRecord"/> rows every few minutes, off the turn's hot path.</summary>
internal sealed partial class SeenActivityCleanup(IServiceScopeFactory scopes, TimeProvider time, ILogger<SeenActivityCleanup> logger) : BackgroundService
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
                var deleted = await scope.ServiceProvider.GetRequiredService<SeenActivities>().DeleteExpiredAsync(stoppingToken);
                if (deleted > 0) LogDeleted(logger, deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex); // the next tick tries again; a few extra rows harm nothing
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Deleted {Count} expired seen-activity ids")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Could not delete expired seen-activity ids")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
