using Quartz;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Reminders.Quartz;

/// <summary>
/// Quartz's wake-up for one event: dispatches what is due and moves the trigger to the next reminder. A trigger that
/// misfired while the bot was down fires once on start-up (FireNow); the dispatcher decides whether that is still useful.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ReminderJob(IServiceScopeFactory scopes, ILogger<ReminderJob> logger) : IJob
{
    public const string EventIdKey = "eventId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var eventId = context.MergedJobDataMap.GetString(EventIdKey) ?? context.JobDetail.Key.Name;
        Dialogs.Telemetry.BotTelemetry.ReminderRan(context.FireTimeUtc - (context.ScheduledFireTimeUtc ?? context.FireTimeUtc));
        await using var scope = scopes.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<ReminderDispatcher>();
        var scheduler = scope.ServiceProvider.GetRequiredService<IReminderScheduler>();
        try
        {
            var next = await dispatcher.RunAsync(eventId, cancellationToken);
            await scheduler.ScheduleAsync(eventId, next, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, eventId);
            // Try again in a minute; dedup keys make a repeat harmless.
            throw new JobExecutionException(ex);
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Reminder job for event {EventId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string eventId);
}
