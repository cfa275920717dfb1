namespace OrganBot.Bot.Storage;

/// <summary>
/// Deletes rows nobody needs any more, every <c>interval</c> in a fresh scope. A failed run is logged and the next tick
/// tries again: a few extra rows harm nothing.
/// </summary>
internal abstract class PeriodicCleanup(IServiceScopeFactory scopes, TimeProvider time, TimeSpan interval) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await CleanAsync(scope.ServiceProvider, time.GetUtcNow(), stoppingToken);
                if (deleted > 0) OnDeleted(deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OnFailed(ex);
            }
        }
    }

    /// <summary>One run at <paramref name="now"/>; returns how many rows went.</summary>
    protected abstract Task<int> CleanAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);

    protected abstract void OnDeleted(int count);

    protected abstract void OnFailed(Exception exception);
}
