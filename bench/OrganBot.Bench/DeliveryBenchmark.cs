using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OrganBot.Bot.Announcements;
using OrganBot.Bot.Audiences;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Configuration;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.ReadReceipts;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Tests.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Bench;

/// <summary>
/// The delivery pipeline at scale: N recipients against the limit-enforcing Teams simulator with injected faults;
/// prints throughput as a share of the allowed rate, latency, duplicates, lost, the 429s the bot provoked by exceeding
/// the simulator's limits (must be 0) and peak memory. While it sends, the admin's progress card is refreshed through the
/// same outbox every <c>--progress</c> seconds, as the announcement worker does, so its updates share the tenant's budget.
/// </summary>
internal static class DeliveryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        // dotnet run -c Release --project bench/OrganBot.Bench -- delivery --recipients 10000 --faults 0.05 --storage sqlite|postgres [--rate 200] [--inject-429] [--progress 3] [--read 0.3]
        // --read: instead of a new batch, the 未读提醒 follow-up of a delivered announcement that this share of members read (FollowUpScenario).
        var options = BenchOptions.Parse(args);
        if (options.Command != "delivery")
        {
            Console.Error.WriteLine("usage: delivery --recipients N --faults 0.05 --storage sqlite|postgres [--rate 200] [--inject-429] [--progress 3]");
            return 2;
        }

        await using var connector = await FakeConnector.StartAsync();
        var simulator = new TeamsSimulator(options.Rate, options.Faults, seed: 7);
        if (!options.Inject429) simulator.FaultKinds = [412, 500, 502, 503, 504, 0, 403];
        connector.Responder = simulator.Respond;

        var databaseName = "organbot_bench_" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Delivery:TenantRatePerSecond"] = options.Rate.ToString(CultureInfo.InvariantCulture),
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Delivery:AttemptTimeout"] = "00:00:05",
            ["Delivery:BaseBackoff"] = "00:00:00.500",
            ["Delivery:MaxBackoff"] = "00:00:05",
            ["Delivery:MaxInFlight"] = "128",
            ["Announcements:FollowUpCheckInterval"] = "01:00:00",
        };
        string? pgServer = null;
        if (options.Storage == "postgres")
        {
            pgServer = Environment.GetEnvironmentVariable("ORGANBOT_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=organbot;Password=organbot;Database=postgres";
            settings["Storage:Provider"] = "Postgres";
            settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(pgServer) { Database = databaseName, MaxPoolSize = 200 }.ToString();
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), databaseName + ".db");
            settings["Storage:Provider"] = "Sqlite";
            settings["Storage:ConnectionString"] = $"Data Source={path}";
        }

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBotProtocol();
        builder.AddBotAuth();
        builder.AddBotStorage();
        builder.AddDelivery();
        var timeline = new CallTimeline();
        builder.Services.AddHttpClient(DeliveryExtensions.HttpClientName).AddHttpMessageHandler(timeline.CreateHandler);
        if (options.ReadShare is not null)
        {
            builder.AddOfficeClock();
            builder.AddAudiences();
            builder.AddAnnouncements();
            builder.AddReadReceipts();
            builder.Services.AddDialogs();
        }

        await using var app = builder.Build();
        app.Services.GetRequiredService<DeliveryPacer>().ReleaseObserver = _ => timeline.Releases.Enqueue(Stopwatch.GetTimestamp());
        await app.StartAsync();

        // Members: 90% already have a 1:1 chat with the bot, 10% need one created first (POST /v3/conversations).
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < options.Recipients; i++)
            {
                var id = $"29:bench-{i:D6}";
                var hasChat = i % 10 != 0 || i == 0 || options.ReadShare is not null;
                db.Members.Add(new MemberRecord { Id = id, TenantId = "bench-tenant", ServiceUrl = connector.ServiceUrl, PersonalConversationId = hasChat ? "a:dm-" + id : null, FirstSeenAt = now, LastSeenAt = now });
                if (hasChat)
                {
                    db.Conversations.Add(new ConversationRecord { Id = "a:dm-" + id, ServiceUrl = connector.ServiceUrl, ChannelId = "msteams", ConversationType = "personal", TenantId = "bench-tenant", BotId = "28:bench", UserId = id, FirstSeenAt = now, LastSeenAt = now });
                }

                if (i % 1000 == 999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            // The admin's chat, where the progress card lives (same tenant: its updates count against the same limit).
            db.Conversations.Add(new ConversationRecord { Id = AdminChat, ServiceUrl = connector.ServiceUrl, ChannelId = "msteams", ConversationType = "personal", TenantId = "bench-tenant", BotId = "28:bench", UserId = "29:bench-admin", FirstSeenAt = now, LastSeenAt = now });
            await db.SaveChangesAsync();
        }

        var message = OutgoingMessage.FromCard(OrganBot.Cards.Announcements.AnnouncementCard.Build("基准测试公告", "请各支部于**12月4日**前报名。", null, [("详情", "https://example.org")], OrganBot.Cards.UiLanguage.Chinese), "基准测试公告");
        var requests = Enumerable.Range(0, options.Recipients)
            .Select(i => new DeliveryRequest($"bench:{i}", new DeliveryTarget.User($"29:bench-{i:D6}"), message, "bench", "announcement")).ToList();

        Console.WriteLine($"storage={options.Storage} recipients={options.Recipients} faults={options.Faults:P0} (429 injected: {options.Inject429}) configured tenant rate={options.Rate}/s (Teams publishes 50/s)");
        var batchId = "bench";
        var sendPressed = Stopwatch.GetTimestamp();
        if (options.ReadShare is { } readShare)
        {
            // Latencies count from the press of 提醒未读, after the scenario's set-up.
            (batchId, sendPressed) = await FollowUpScenario.StartAsync(app.Services, options.Recipients, readShare);
        }
        else
        {
            await using var scope = app.Services.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<IDeliveryQueue>();
            await queue.EnqueueAsync(requests, CancellationToken.None);
        }

        var enqueued = Stopwatch.GetElapsedTime(sendPressed);
        long peakWorkingSet = 0;
        var progressUpdates = 0;
        var nextProgress = Stopwatch.GetTimestamp();
        DeliveryBatchSummary summary;
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            summary = await scope.ServiceProvider.GetRequiredService<IDeliveryBatchControl>().SummarizeAsync(batchId, TimeSpan.FromSeconds(1), CancellationToken.None);
            peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
            if (options.ProgressSeconds > 0 && (summary.IsFinished || Stopwatch.GetTimestamp() >= nextProgress))
            {
                nextProgress = Stopwatch.GetTimestamp() + (long)(options.ProgressSeconds * Stopwatch.Frequency);
                progressUpdates++;
                await scope.ServiceProvider.GetRequiredService<IDeliveryQueue>().EnqueueAsync(
                    [new DeliveryRequest($"bench:progress:{progressUpdates}", new DeliveryTarget.Conversation(AdminChat), OutgoingMessage.FromText($"已发送 {summary.Sent} / {summary.Total}"),
                        "bench:progress", "announcement", Operation: DeliveryOperation.Update, ActivityId: "bench-control")],
                    CancellationToken.None);
            }

            if (summary.IsFinished) break;
            await Task.Delay(250);
        }

        // The last progress update (the report) goes out after the batch; wait for it so every call is counted.
        while (options.ProgressSeconds > 0)
        {
            var progress = await GetBatchAsync(app.Services, "bench:progress");
            if (progress.All(s => s.State is not (DeliveryState.Pending or DeliveryState.Sending))) break;
            await Task.Delay(100);
        }

        var finished = Stopwatch.GetElapsedTime(sendPressed);
        await app.StopAsync();

        var successes = simulator.SuccessTimes.Order().ToArray();
        var calls = simulator.CallTimes.Order().ToArray();
        double Rate(long[] times, double from, double to)
        {
            if (times.Length < 2) return 0;
            var a = times[(int)(from * (times.Length - 1))];
            var b = times[(int)(to * (times.Length - 1))];
            var span = Stopwatch.GetElapsedTime(a, b).TotalSeconds;
            return span <= 0 ? 0 : ((to - from) * (times.Length - 1)) / span;
        }

        var delivered = simulator.Delivered;
        var duplicates = delivered.Count(d => d.Value > 1);
        var statuses = await GetBatchAsync(app.Services, batchId);
        var lost = statuses.Count(s => s.State == DeliveryState.Sent
            ? !delivered.ContainsKey(s.ConversationId ?? "")
            : s.State != DeliveryState.Failed);
        var latencies = successes.Select(t => Stopwatch.GetElapsedTime(sendPressed, t).TotalSeconds).Order().ToArray();
        double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p * latencies.Length) - 1)];

        var sustainedCalls = Rate(calls, 0.05, 0.95);
        var sustainedSends = Rate(successes, 0.05, 0.95);
        Console.WriteLine($"enqueue of {options.Recipients} rows: {enqueued.TotalSeconds:0.00} s");
        Console.WriteLine($"sent={summary.Sent} failed(permanent)={summary.Failed} expired={summary.Expired} injected faults={simulator.InjectedFaults} limit violations (429 from the simulator's limits)={simulator.LimitViolations}");
        Console.WriteLine($"connector calls: {simulator.Calls} (sends, creates and retries; of them {connector.Calls.Count(c => c.Method == "PUT")} progress-card updates, {progressUpdates} asked for)");
        Console.WriteLine($"429s provoked by the bot (calls over the simulator's tenant or conversation limits) = {simulator.LimitViolations}");
        Console.WriteLine($"sustained connector calls/s = {sustainedCalls:0.0} = {sustainedCalls / options.Rate:0.000} of the allowed {options.Rate}/s");
        Console.WriteLine($"sustained delivered messages/s = {sustainedSends:0.0} = {sustainedSends / options.Rate:0.000} of the allowed {options.Rate}/s");
        Console.WriteLine($"overall: {summary.Sent + summary.Failed} recipients finished in {finished.TotalSeconds:0.0} s = {(summary.Sent + summary.Failed) / finished.TotalSeconds:0.0}/s");
        Console.WriteLine($"time from send to delivery: p50 {Percentile(0.50):0.0} s, p99 {Percentile(0.99):0.0} s, last {Percentile(1):0.0} s");
        Console.WriteLine($"duplicates={duplicates} lost={lost}");
        timeline.Print(simulator, options.Rate);
        var wrong = 0;
        if (options.ReadShare is { } share)
        {
            // Follow-ups must reach exactly the members without a receipt: none to a reader, one row per non-reader.
            var expected = Enumerable.Range(0, options.Recipients).Where(i => !FollowUpScenario.Reads(i, share)).Select(FollowUpScenario.ChatId).ToHashSet(StringComparer.Ordinal);
            wrong = delivered.Keys.Count(k => !expected.Contains(k)) + Math.Abs(statuses.Count - expected.Count);
            Console.WriteLine($"follow-up rows={statuses.Count} of {expected.Count} members without a receipt; delivered to a reader or missing a row={wrong}");
        }

        Console.WriteLine($"peak working set {Math.Max(peakWorkingSet, Process.GetCurrentProcess().PeakWorkingSet64) / 1048576.0:0} MB (bench process: bot pipeline + fake connector, which keeps every call)");

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

        return duplicates == 0 && lost == 0 && wrong == 0 && simulator.LimitViolations == 0 ? 0 : 1;
    }

    private const string AdminChat = "a:dm-29:bench-admin";

    private static async Task<IReadOnlyList<DeliveryStatus>> GetBatchAsync(IServiceProvider services, string batchId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDeliveryQueue>().GetBatchAsync(batchId, CancellationToken.None);
    }
}
