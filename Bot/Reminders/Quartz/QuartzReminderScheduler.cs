using Quartz;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Reminders.Quartz;

/// <summary>One durable Quartz job per event ("reminders" group) with one simple trigger at the next reminder instant.</summary>
internal sealed partial class QuartzReminderScheduler(ISchedulerFactory factory, ILogger<QuartzReminderScheduler> logger) : IReminderScheduler
{
    public const string Group = "reminders";

    public static JobKey JobKeyFor(string eventId) => new(eventId, Group);

    public static TriggerKey TriggerKeyFor(string eventId) => new(eventId, Group);

    public async Task ScheduleAsync(string eventId, DateTimeOffset? fireAtUtc, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var jobKey = JobKeyFor(eventId);
        if (fireAtUtc is null)
        {
            await scheduler.DeleteJob(jobKey, cancellationToken);
            LogUnscheduled(logger, eventId);
            return;
        }

        var job = JobBuilder.Create<ReminderJob>().WithIdentity(jobKey).UsingJobData(ReminderJob.EventIdKey, eventId).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyFor(eventId))
            .ForJob(jobKey)
            .StartAt(fireAtUtc.Value)
            .WithSimpleSchedule(s => s.WithRepeatCount(0).WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
        LogScheduled(logger, eventId, fireAtUtc.Value);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Reminder event {EventId} wakes up at {FireAtUtc}")]
    private static partial void LogScheduled(ILogger logger, string eventId, DateTimeOffset fireAtUtc);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Reminder event {EventId} has nothing left to schedule")]
    private static partial void LogUnscheduled(ILogger logger, string eventId);
}
