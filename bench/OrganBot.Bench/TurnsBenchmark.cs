using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OrganBot.Bench;

/// <summary>
/// Drives <c>/api/messages</c> with N concurrent conversations (each sends its next message as soon as the reply to
/// the previous one reaches the connector), first against the bare echo, then against the bot, in the same run.
/// Latency is request sent to reply received at the connector.
/// </summary>
internal static class TurnsBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var seconds = options.GetInt("seconds", 10);
        // Steady state needs a long warm-up: the bot is a big app (EF Core, Quartz, the Q&A engine...) and tiered JIT
        // keeps recompiling hundreds of methods a second for the first ~20-30 s under load; with a 2 s warm-up the
        // measured window showed ~4x the steady-state CPU per turn. The echo converges much sooner.
        var warmup = options.GetInt("warmup", 30);
        var conversations = options.GetInt("conversations", 64);
        var text = options.Get("text", "帮助");
        var postgres = options.Get("postgres", "") is { Length: > 0 } pg ? pg : null;
        // --bot-only: skip the echo floor, e.g. to attach dotnet-trace/dotnet-counters to a long bot run.
        var botOnly = options.Get("bot-only", "") is "true" or "1" or "yes";
        // --wrk: after the in-process driver, drive each server with wrk too (bench/turns.lua), same warm-up and window.
        var external = options.Get("wrk", "") is "true" or "1" or "yes";
        // --bot-env K=V,K2=V2: extra environment for the bot only, e.g. DOTNET_gcServer=0 to compare GC settings.
        var botEnvironment = options.Get("bot-env", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
        Console.WriteLine($"turns: {conversations} concurrent conversations, {warmup} s warm-up + {seconds} s measured, text \"{text}\", storage {(postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        if (external && WrkDriver.SkipReason is { } skip)
        {
            Console.WriteLine($"external mode skipped: {skip}");
            external = false;
        }

        await using var connector = await LoopbackConnector.StartAsync();
        var data = Directory.CreateTempSubdirectory("organbot-bench-");
        try
        {
            if (botOnly)
            {
                await using var only = await ChildServer.StartBotAsync(data.FullName, postgres, botEnvironment);
                Print(("OrganBot", await DriveAsync(only, connector, conversations, text, warmup, seconds), only));
                return 0;
            }

            var echo = await MeasureAsync("echo (floor)", () => ChildServer.StartEchoAsync(), connector, conversations, text, warmup, seconds, external);
            var bot = await MeasureAsync("OrganBot", () => ChildServer.StartBotAsync(data.FullName, postgres, botEnvironment), connector, conversations, text, warmup, seconds, external);

            var ratio = bot.InProcess.TurnsPerSecond / echo.InProcess.TurnsPerSecond;
            var cpuRatio = echo.InProcess.CpuMicrosPerTurn / bot.InProcess.CpuMicrosPerTurn;
            Console.WriteLine($"OrganBot / echo: throughput {ratio:P0}, by CPU per turn {cpuRatio:P0} (steadier under load); unanswered requests: bot {bot.InProcess.Unanswered}, echo {echo.InProcess.Unanswered}; stray connector calls: {connector.Unmatched}");
            var answered = bot.InProcess.Unanswered == 0 && echo.InProcess.Unanswered == 0 && bot.InProcess.Errors == 0 && echo.InProcess.Errors == 0
                && (bot.External is null || (bot.External.Unanswered == 0 && bot.External.Errors == 0))
                && (echo.External is null || (echo.External.Unanswered == 0 && echo.External.Errors == 0));
            PrintTargets(echo, bot, answered);
            return answered ? 0 : 1;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>Starts one server, drives it in-process and (with --wrk) externally, and stops it.</summary>
    private static async Task<Measured> MeasureAsync(string name, Func<Task<ChildServer>> start, LoopbackConnector connector, int conversations, string text, int warmup, int seconds, bool external)
    {
        await using var server = await start();
        var inProcess = await DriveAsync(server, connector, conversations, text, warmup, seconds);
        Print((name, inProcess, server));
        WrkResult? wrk = null;
        if (external)
        {
            wrk = await WrkDriver.RunAsync(server, connector, conversations, text, warmup, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name + " (wrk)",-20} {wrk.TurnsPerSecond,8:F0} turns/s   p50 {wrk.P50,6:F2} ms   p99 {wrk.P99,6:F2} ms   CPU {wrk.CpuMicrosPerTurn,5:F0} µs/turn   requests {wrk.Requests}, replies at the connector {wrk.Replies}, errors {wrk.Errors}, unanswered {wrk.Unanswered}   peak RSS {wrk.PeakMb:F0} MB"));
        }

        var (_, peak) = server.Memory();
        return new Measured(inProcess, wrk, peak, server.Startup);
    }

    /// <summary>The issue's targets, each with the figures it is judged on.</summary>
    private static void PrintTargets(Measured echo, Measured bot, bool answered)
    {
        static string Mark(bool ok) => ok ? "met    " : "NOT MET";
        var e = echo.InProcess;
        var b = bot.InProcess;
        Console.WriteLine("targets (issue 15):");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Mark(b.TurnsPerSecond >= 0.5 * e.TurnsPerSecond)} bot throughput >= 50 % of echo, in-process: {b.TurnsPerSecond / e.TurnsPerSecond:P0}"));
        if (bot.External is { } bw && echo.External is { } ew)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Mark(bw.TurnsPerSecond >= 0.5 * ew.TurnsPerSecond)} bot throughput >= 50 % of echo, wrk: {bw.TurnsPerSecond / ew.TurnsPerSecond:P0}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Mark(b.CpuMicrosPerTurn <= 2 * e.CpuMicrosPerTurn)} CPU per turn <= 2x echo: {b.CpuMicrosPerTurn / e.CpuMicrosPerTurn:F1}x ({b.CpuMicrosPerTurn:F0} vs {e.CpuMicrosPerTurn:F0} µs)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Mark(b.P99 <= 3 * e.P99)} bot p99 <= 3x echo: {b.P99 / e.P99:F1}x ({b.P99:F1} vs {e.P99:F1} ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Mark(bot.PeakMb <= 200)} bot peak RSS <= 200 MB: {bot.PeakMb:F0} MB"));
        Console.WriteLine($"  {Mark(answered)} every request answered");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Mark(bot.Startup.TotalSeconds <= 3)} cold start to a healthy /healthz <= 3 s (fresh database): {bot.Startup.TotalSeconds:F1} s"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Print((string Name, Result Result, ChildServer Server) run)
    {
        var r = run.Result;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Name,-14} {r.TurnsPerSecond,8:F0} turns/s   p50 {r.P50,6:F2} ms   p99 {r.P99,6:F2} ms   max {r.Max,7:F1} ms   " +
            $"CPU {r.CpuMicrosPerTurn,5:F0} µs/turn   turns {r.Turns}, errors {r.Errors}, unanswered {r.Unanswered}   RSS after start {r.RssBeforeMb:F0} MB, after run {r.RssAfterMb:F0} MB, peak {r.PeakMb:F0} MB   (start-up {run.Server.Startup.TotalMilliseconds:F0} ms)"));
    }

    private static async Task<Result> DriveAsync(ChildServer server, LoopbackConnector connector, int conversations, string text, int warmupSeconds, int seconds)
    {
        var (rssBefore, _) = server.Memory();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new List<double>[conversations];
        var errors = 0L;
        var unanswered = 0L;
        var measuring = false;
        using var stop = new CancellationTokenSource();
        var prefix = Guid.NewGuid().ToString("N")[..6];

        async Task ConversationAsync(int index)
        {
            latencies[index] = new List<double>(4096);
            var conversationId = $"a:bench-{prefix}-{index}";
            for (var turn = 0; !stop.IsCancellationRequested; turn++)
            {
                var activityId = $"{prefix}-{index}-{turn}";
                var body = Activity(connector.ServiceUrl, conversationId, activityId, index, text);
                var reply = connector.ExpectReply(activityId);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await http.PostAsync("api/messages", content);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        connector.Forget(activityId);
                        continue;
                    }

                    var arrived = await reply.WaitAsync(TimeSpan.FromSeconds(30));
                    if (Volatile.Read(ref measuring)) latencies[index].Add(Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds);
                }
                catch (TimeoutException)
                {
                    Interlocked.Increment(ref unanswered);
                    connector.Forget(activityId);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    connector.Forget(activityId);
                }
            }
        }

        var tasks = Enumerable.Range(0, conversations).Select(i => Task.Run(() => ConversationAsync(i))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
        Volatile.Write(ref measuring, true);
        var window = Stopwatch.StartNew();
        var cpuBefore = server.CpuTime();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        window.Stop();
        var cpuUsed = server.CpuTime() - cpuBefore;
        var (rssAfter, peak) = server.Memory();
        await stop.CancelAsync();
        await Task.WhenAll(tasks);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(
            all.Length,
            all.Length / window.Elapsed.TotalSeconds,
            Percentile(all, 0.50),
            Percentile(all, 0.99),
            all.Length == 0 ? double.NaN : all[^1],
            Interlocked.Read(ref errors),
            Interlocked.Read(ref unanswered),
            rssBefore,
            rssAfter,
            peak,
            all.Length == 0 ? double.NaN : cpuUsed.TotalMilliseconds * 1000 / all.Length);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>A Teams-shaped personal-chat message, one member per conversation.</summary>
    private static byte[] Activity(string serviceUrl, string conversationId, string activityId, int member, string text) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["type"] = "message",
            ["id"] = activityId,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture), // sent now, as the channel does
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:bench-member-{member}", ["name"] = $"成员{member}", ["aadObjectId"] = $"bbbbbbbb-0000-0000-0000-{member:D12}" },
            ["recipient"] = new JsonObject { ["id"] = "28:organbot-bench", ["name"] = "OrganBot" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "11111111-2222-3333-4444-555555555555", ["id"] = conversationId },
            ["locale"] = "zh-CN",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "11111111-2222-3333-4444-555555555555" } },
        }.ToJsonString());

    private sealed record Measured(Result InProcess, WrkResult? External, double PeakMb, TimeSpan Startup);

    private sealed record Result(int Turns, double TurnsPerSecond, double P50, double P99, double Max, long Errors, long Unanswered, double RssBeforeMb, double RssAfterMb, double PeakMb, double CpuMicrosPerTurn);
}
