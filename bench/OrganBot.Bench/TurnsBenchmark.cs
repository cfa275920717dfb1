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
        Console.WriteLine($"turns: {conversations} concurrent conversations, {warmup} s warm-up + {seconds} s measured, text \"{text}\", storage {(postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores");

        await using var connector = await LoopbackConnector.StartAsync();
        var data = Directory.CreateTempSubdirectory("organbot-bench-");
        try
        {
            var results = new List<(string Name, Result Result, ChildServer Server)>();
            if (botOnly)
            {
                await using var only = await ChildServer.StartBotAsync(data.FullName, postgres);
                Print(("OrganBot", await DriveAsync(only, connector, conversations, text, warmup, seconds), only));
                return 0;
            }

            await using (var echo = await ChildServer.StartEchoAsync())
            {
                results.Add(("echo (floor)", await DriveAsync(echo, connector, conversations, text, warmup, seconds), echo));
                Print(results[^1]);
            }

            await using (var bot = await ChildServer.StartBotAsync(data.FullName, postgres))
            {
                results.Add(("OrganBot", await DriveAsync(bot, connector, conversations, text, warmup, seconds), bot));
                Print(results[^1]);
            }

            var ratio = results[1].Result.TurnsPerSecond / results[0].Result.TurnsPerSecond;
            var cpuRatio = results[0].Result.CpuMicrosPerTurn / results[1].Result.CpuMicrosPerTurn;
            Console.WriteLine($"OrganBot / echo: throughput {ratio:P0}, by CPU per turn {cpuRatio:P0} (steadier under load); unanswered requests: bot {results[1].Result.Unanswered}, echo {results[0].Result.Unanswered}; stray connector calls: {connector.Unmatched}");
            return results.All(r => r.Result.Unanswered == 0 && r.Result.Errors == 0) ? 0 : 1;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

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
            ["timestamp"] = "2026-11-27T09:59:07.475Z",
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

    private sealed record Result(int Turns, double TurnsPerSecond, double P50, double P99, double Max, long Errors, long Unanswered, double RssBeforeMb, double RssAfterMb, double PeakMb, double CpuMicrosPerTurn);
}
