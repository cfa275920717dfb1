using Quartz;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Reminders.Quartz;

/// <summary>After Quartz starts: every active event without a wake-up gets one (e.g. after restoring a database).</summary>
internal sealed partial class ReminderReconciler(IServiceScopeFactory scopes, ISchedulerFactory factory, ILogger<ReminderReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IReminderStore>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<ReminderDispatcher>();
        var reminderScheduler = scope.ServiceProvider.GetRequiredService<IReminderScheduler>();
        var scheduler = await factory.GetScheduler(cancellationToken);
        var added = 0;
        foreach (var ev in await store.ListEventsAsync(cancellationToken))
        {
            if (ev.Paused || await scheduler.Exists(QuartzReminderScheduler.TriggerKeyFor(ev.Id), cancellationToken)) continue;
            if (dispatcher.NextWakeUp(ev) is { } next)
            {
                await reminderScheduler.ScheduleAsync(ev.Id, next, cancellationToken);
                added++;
            }
        }

        if (added > 0) LogReconciled(logger, added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Scheduled {Count} reminder events that had no wake-up")]
    private static partial void LogReconciled(ILogger logger, int count);
}
