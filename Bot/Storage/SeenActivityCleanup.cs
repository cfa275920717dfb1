namespace OrganBot.Bot.Storage;

/// <summary>Deletes expired <see cref="SeenActivityRecord"/> rows every few minutes, off the turn's hot path.</summary>
internal sealed partial class SeenActivityCleanup(IServiceScopeFactory scopes, TimeProvider time, ILogger<SeenActivityCleanup> logger)
    : PeriodicCleanup(scopes, time, TimeSpan.FromMinutes(10))
{
    protected override Task<int> CleanAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<SeenActivities>().DeleteExpiredAsync(cancellationToken);

    protected override void OnDeleted(int count) => LogDeleted(logger, count);

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Deleted {Count} expired seen-activity ids")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Could not delete expired seen-activity ids")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
