using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrganBot.Bot.Audiences;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Configuration;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.Reminders;
using OrganBot.Bot.Reminders.Quartz;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Fakes;
using Quartz;
using TimeZones = OrganBot.Dialogs.Conversation.TimeZones;

namespace OrganBot.Bench;

/// <summary>
/// Issue 5's benchmark: N events for M members, each with one reminder ("1小时前") falling due within a short window
/// of real time. Real Quartz (persistent store, the bot's database) fires them, the dispatcher queues one delivery per
/// recipient in the outbox, and the delivery worker sends them to a fake connector on loopback. Prints how late Quartz
/// fired (scheduled fire time → job start), how late each message arrived (due time → connector received it) and memory.
/// </summary>
internal static partial class RemindersBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var events = options.GetInt("events", 1000);
        var members = options.GetInt("members", 500);
        var perEvent = Math.Min(members, options.GetInt("recipients", 5));
        var windowSeconds = options.GetInt("window", 60);
        var storage = options.Get("storage", "sqlite");
        var rate = double.Parse(options.Get("rate", "200"), CultureInfo.InvariantCulture);
        var messages = events * perEvent;

        await using var connector = await FakeConnector.StartAsync();
        var arrivals = new ConcurrentQueue<(int Event, string? Conversation, long At)>();
        connector.Responder = call =>
        {
            if (call.IsSend && call.Body is { } body && BenchToken().Match(body.ToJsonString()) is { Success: true } m)
            {
                arrivals.Enqueue((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), call.ConversationId, Stopwatch.GetTimestamp()));
            }

            return null;
        };

        var databaseName = "organbot_bench_" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Delivery:TenantRatePerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Delivery:MaxInFlight"] = "128",
        };

        // Groups of perEvent members, rotating over everyone, so each member gets events × perEvent / members reminders.
        var groups = Math.Max(1, members / perEvent);
        for (var g = 0; g < groups; g++)
        {
            for (var k = 0; k < perEvent; k++) settings[$"Audiences:Groups:g{g:D4}:{k}"] = Aad(((g * perEvent) + k) % members);
        }

        string? pgServer = null;
        if (storage == "postgres")
        {
            pgServer = Environment.GetEnvironmentVariable("ORGANBOT_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=organbot;Password=organbot;Database=postgres";
            settings["Storage:Provider"] = "Postgres";
            settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(pgServer) { Database = databaseName, MaxPoolSize = 100 }.ToString();
        }
        else
        {
            settings["Storage:Provider"] = "Sqlite";
            settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), databaseName + ".db")}";
        }

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBotProtocol();
        builder.AddBotAuth();
        builder.AddBotStorage();
        builder.AddDelivery();
        builder.AddOfficeClock();
        builder.AddAudiences();
        builder.AddReminders();
        await using var app = builder.Build();
        await app.StartAsync();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var fired = new FiredListener();
        scheduler.ListenerManager.AddJobListener(fired, GroupMatcher<JobKey>.GroupEquals(QuartzReminderScheduler.Group));

        Console.WriteLine($"reminders: storage={storage} events={events} members={members} recipients per event={perEvent} messages={messages} " +
            $"due within {windowSeconds} s; Delivery:TenantRatePerSecond={rate} (Teams allows 50/s; raised so the window is not rate-bound); {Environment.ProcessorCount} cores");
        GC.Collect();
        var baseline = (WorkingSet: Environment.WorkingSet, Managed: GC.GetTotalMemory(true));

        var now = time.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < members; i++)
            {
                var id = MemberId(i);
                db.Members.Add(new MemberRecord { Id = id, AadObjectId = Aad(i), Name = $"成员{i:D3}", TenantId = "bench-tenant", ServiceUrl = connector.ServiceUrl, PersonalConversationId = "a:dm-" + id, FirstSeenAt = now, LastSeenAt = now });
                db.Conversations.Add(new ConversationRecord { Id = "a:dm-" + id, ServiceUrl = connector.ServiceUrl, ChannelId = "msteams", ConversationType = "personal", TenantId = "bench-tenant", BotId = "28:bench", UserId = id, FirstSeenAt = now, LastSeenAt = now });
            }

            await db.SaveChangesAsync();
        }

        // Reminders fall due from firstDue on, evenly over the window (whole seconds: Quartz cron has second resolution).
        // Scheduling 1,000 events takes a while, so the window starts after a margin for it.
        var setupClock = Stopwatch.StartNew();
        var firstDue = Ceiling(now + TimeSpan.FromSeconds(15) + TimeSpan.FromMilliseconds(40.0 * events));
        var due = new DateTimeOffset[events];
        var cron = app.Services.GetRequiredService<ICronEvaluator>();
        var zone = TimeZones.BeijingZone;
        var lead = LeadTime.ParseList("1小时前").Value!;
        for (var i = 0; i < events; i++)
        {
            due[i] = firstDue + TimeSpan.FromSeconds(Math.Floor((double)i * windowSeconds / events));
            var start = TimeZones.ToLocal(due[i] + TimeSpan.FromHours(1), zone);
            var (recurrence, error) = RecurrenceParser.Parse(string.Create(CultureInfo.InvariantCulture, $"cron: {start:s m H d M} ? {start:yyyy}"), cron);
            if (recurrence is null) throw new InvalidOperationException(error!.English);
            var ev = new ReminderEvent
            {
                Id = $"bench{i:D5}",
                Title = $"理论学习 BENCH-{i:D5}",
                Kind = "理论学习",
                Recurrence = recurrence,
                Location = "机关三楼会议室",
                Agenda = "学习讲话第二部分",
                Audience = new Audience(AudienceKind.Group, $"g{i % groups:D4}"),
                LeadTimes = lead,
                SpeechLinkId = "theme-party-day",
                PlannedFrom = time.GetUtcNow(),
            };
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IReminderStore>().SaveEventAsync(ev, CancellationToken.None);
            var next = scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().NextWakeUp(ev);
            if (next != due[i]) throw new InvalidOperationException($"event {i}: next wake-up {next:O}, expected {due[i]:O}");
            await scope.ServiceProvider.GetRequiredService<IReminderScheduler>().ScheduleAsync(ev.Id, next, CancellationToken.None);
        }

        var setup = setupClock.Elapsed;
        var margin = firstDue - time.GetUtcNow();
        GC.Collect();
        var scheduled = (WorkingSet: Environment.WorkingSet, Managed: GC.GetTotalMemory(true));
        Console.WriteLine($"scheduled {events} events in {setup.TotalSeconds:0.0} s ({events / setup.TotalSeconds:0} events/s); first reminder due {margin.TotalSeconds:0.0} s later" +
            (margin < TimeSpan.Zero ? " (setup overran: early reminders start late)" : ""));

        // Wall-clock instants as Stopwatch timestamps, to compare with the arrivals.
        var anchorTs = Stopwatch.GetTimestamp();
        var anchor = time.GetUtcNow();
        long ToTimestamp(DateTimeOffset t) => anchorTs + (long)((t - anchor).TotalSeconds * Stopwatch.Frequency);

        long peak = 0;
        var deadline = due[^1] + TimeSpan.FromSeconds(Math.Max(120, messages / rate * 2));
        while (arrivals.Count < messages && time.GetUtcNow() < deadline)
        {
            peak = Math.Max(peak, Environment.WorkingSet);
            await Task.Delay(200);
        }

        var finished = time.GetUtcNow();
        // Let stragglers (duplicates, if any) arrive before counting.
        await Task.Delay(2000);
        peak = Math.Max(peak, Environment.WorkingSet);
        GC.Collect();
        var end = (WorkingSet: Environment.WorkingSet, Managed: GC.GetTotalMemory(true));

        Dictionary<string, int> states;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            states = (await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<DeliveryRecord>().AsNoTracking()
                    .Where(r => r.Category == ReminderDispatcher.Category).GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
                .ToDictionary(x => x.Key.ToString(), x => x.Count);
        }

        await app.StopAsync();

        var received = arrivals.ToArray();
        var duplicates = received.GroupBy(a => (a.Event, a.Conversation)).Sum(g => g.Count() - 1);
        var lateness = received.Select(a => Stopwatch.GetElapsedTime(ToTimestamp(due[a.Event]), a.At).TotalSeconds).Order().ToArray();
        var fireLate = fired.Late.Order().ToArray();
        var jobDone = fired.Done.Order().ToArray();

        Console.WriteLine($"Quartz fired {fireLate.Length} of {events} jobs; scheduled fire time → job start: p50 {Ms(P(fireLate, 0.50))}, p99 {Ms(P(fireLate, 0.99))}, max {Ms(P(fireLate, 1))}");
        Console.WriteLine($"scheduled fire time → job done (dispatcher queued the event's deliveries): p50 {Ms(P(jobDone, 0.50))}, p99 {Ms(P(jobDone, 0.99))}, max {Ms(P(jobDone, 1))}");
        Console.WriteLine($"messages received {received.Length} of {messages} (duplicates {duplicates}); outbox rows by state: {string.Join(", ", states.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"))}");
        Console.WriteLine($"due time → message at the connector: p50 {Ms(P(lateness, 0.50))}, p99 {Ms(P(lateness, 0.99))}, max {Ms(P(lateness, 1))}; last message {(finished - due[^1]).TotalSeconds:0.0} s after the last due time");
        Console.WriteLine($"memory (bench process = bot + fake connector, which keeps every call): working set at start {Mb(baseline.WorkingSet)}, after scheduling {Mb(scheduled.WorkingSet)}, " +
            $"peak during firing {Mb(Math.Max(peak, Process.GetCurrentProcess().PeakWorkingSet64))}, end {Mb(end.WorkingSet)}; managed heap at start {Mb(baseline.Managed)}, after scheduling {Mb(scheduled.Managed)}, end {Mb(end.Managed)}");

        if (pgServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(pgServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path.Combine(Path.GetTempPath(), databaseName + ".db" + suffix));
        }

        return received.Length == messages && duplicates == 0 ? 0 : 1;
    }

    private static string MemberId(int i) => $"29:bench-{i:D4}";

    private static string Aad(int i) => $"00000000-0000-0000-0000-{i:D12}";

    private static DateTimeOffset Ceiling(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond) + TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static double P(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Max(0, Math.Ceiling(p * sorted.Length) - 1))];

    private static string Ms(double seconds) => double.IsNaN(seconds) ? "n/a" : seconds < 10 ? $"{seconds * 1000:0} ms" : $"{seconds:0.0} s";

    private static string Mb(long bytes) => $"{bytes / 1048576.0:0} MB";

    [GeneratedRegex(@"BENCH-(\d{5})")]
    private static partial Regex BenchToken();

    /// <summary>Quartz's own view: when each reminder job was due and when it started and finished.</summary>
    private sealed class FiredListener : IJobListener
    {
        public ConcurrentBag<double> Late { get; } = [];

        public ConcurrentBag<double> Done { get; } = [];

        public string Name => "bench";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (context.ScheduledFireTimeUtc is { } scheduled) Late.Add((context.FireTimeUtc - scheduled).TotalSeconds);
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (context.ScheduledFireTimeUtc is { } scheduled) Done.Add((context.FireTimeUtc + context.JobRunTime - scheduled).TotalSeconds);
            return ValueTask.CompletedTask;
        }
    }
}
