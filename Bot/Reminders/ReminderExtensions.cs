using Microsoft.Extensions.Options;
using Quartz;
using OrganBot.Bot.Downloads;
using OrganBot.Bot.Reminders.Quartz;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Reminders;

internal static class ReminderExtensions
{
    public const string SchedulerName = "OrganBot";

    /// <summary>
    /// Reminders: the feature, its EF store, and Quartz with a persistent ADO store on the bot's database (SQLite by
    /// default; PostgreSQL with clustering when Storage:Provider=Postgres). Call after AddBotStorage.
    /// </summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddSingleton<ICronEvaluator, QuartzCronEvaluator>();
        services.AddScoped<IReminderStore, EfReminderStore>();
        services.AddScoped<IReminderScheduler, QuartzReminderScheduler>();
        services.AddScoped<ReminderDispatcher>();
        services.AddScoped<OccurrenceResolver>();
        services.AddScoped<ReminderAdminActions>();
        services.AddScoped<AttendanceReport>();
        services.AddScoped<IDownloadSource, AttendanceLedgerExport>();
        services.AddScoped<IDownloadSource, MemberLedgerExport>();
        services.AddScoped<LeaveApprovals>();
        services.AddScoped<MemberReminderActions>();
        services.AddFeature<ReminderFeature>(ReminderCommands.Feature);

        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddHostedService<QuartzSchema>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.GenerateInstanceId = true;
            });
            q.UseDefaultThreadPool(4);
            // Jobs stored before the move from Bot/Scheduling keep their old type name in QRTZ_JOB_DETAILS.
            q.UseTypeLoader(t => t.Map("OrganBot.Bot.Scheduling.ReminderJob", typeof(ReminderJob)));
            // Quartz reads "now" from the container's TimeProvider, the same one the app uses: the system clock in
            // production. There is no separate Quartz clock (UseTimeProvider only replaces that one registration), so
            // when tests register a FakeTimeProvider Quartz follows it too: a trigger is due once the fake clock passes
            // it. Quartz's waits are real time, though: it notices a clock moved forward on its next poll (idle wait,
            // up to 30 s) or when a trigger is (re)scheduled, so tests fire a job at once with TriggerJob.
            // Quartz is only the wake-up either way; what is due is decided by the dispatcher with the same clock.
            q.UsePersistentStore(store =>
            {
                // Our Sql/quartz-*.sql creates the tables (QuartzSchema); Quartz only checks them (its default, Validate).
                if (storage.Provider == StorageProvider.Postgres)
                {
                    store.UsePostgres(storage.ConnectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }
                else
                {
                    store.UseSqlite(StorageExtensions.PrepareSqlite(storage.ConnectionString, builder.Environment.ContentRootPath));
                }
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ReminderReconciler>();
        return builder;
    }
}
