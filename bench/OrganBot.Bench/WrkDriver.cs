using System.Diagnostics;
using System.Globalization;

namespace OrganBot.Bench;

/// <summary>
/// The turns benchmark's external driver: <c>wrk</c> with <c>bench/turns.lua</c>, replies counted at the bench's fake
/// connector, so the in-process driver's figures have an independent cross-check (another load generator, HTTP/1.1
/// keep-alive connections it manages itself).
/// </summary>
internal static class WrkDriver
{
    /// <summary>The Lua script beside the bench's sources (found by walking up from the binaries).</summary>
    public static string? Script { get; } = FindScript();

    /// <summary>Why the external mode cannot run here, or null.</summary>
    public static string? SkipReason =>
        Script is null ? "bench/turns.lua not found above the bench binaries."
        : !File.Exists("/usr/bin/wrk") && FindOnPath("wrk") is null ? "wrk is not installed (apt-get install wrk)."
        : null;

    public static string Command(ChildServer server, LoopbackConnector connector, int conversations, string text, int seconds, string prefix) =>
        string.Create(CultureInfo.InvariantCulture,
            $"wrk -t2 -c{conversations} -d{seconds}s --latency -s {Script} {server.BaseAddress}api/messages -- {connector.ServiceUrl} '{text}' {conversations} {prefix}");

    /// <summary>A warm-up run, then the measured run with the server's CPU time and the connector's reply count around it.</summary>
    public static async Task<WrkResult> RunAsync(ChildServer server, LoopbackConnector connector, int conversations, string text, int warmupSeconds, int seconds)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        // Every id starts with LoopbackConnector.ExternalPrefix, so the connector counts their replies apart from the in-process driver's.
        if (warmupSeconds > 0) await RunWrkAsync(server, connector, conversations, text, warmupSeconds, $"{LoopbackConnector.ExternalPrefix}w{run}");

        var prefix = $"{LoopbackConnector.ExternalPrefix}{run}";
        Console.WriteLine($"  external: {Command(server, connector, conversations, text, seconds, prefix)}");
        var repliesBefore = connector.ExternalReplies;
        var cpuBefore = server.CpuTime();
        var line = await RunWrkAsync(server, connector, conversations, text, seconds, prefix);
        var cpuUsed = server.CpuTime() - cpuBefore;
        // Replies to requests still in flight when wrk stopped arrive a moment later.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var replies = connector.ExternalReplies - repliesBefore;
        var (_, peak) = server.Memory();

        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        var requests = values["requests"];
        return new WrkResult(
            requests,
            requests / (values["duration_us"] / 1e6),
            values["p50_us"] / 1000.0,
            values["p99_us"] / 1000.0,
            values["errors"] + values["status_errors"],
            replies,
            Math.Max(0, requests - replies),
            requests == 0 ? double.NaN : cpuUsed.TotalMilliseconds * 1000 / requests,
            peak);
    }

    private static async Task<string> RunWrkAsync(ChildServer server, LoopbackConnector connector, int conversations, string text, int seconds, string prefix)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", $"-c{conversations}", $"-d{seconds}s", "--latency", "-s", Script!, $"{server.BaseAddress}api/messages", "--", connector.ServiceUrl, text, conversations.ToString(CultureInfo.InvariantCulture), prefix })
        {
            start.ArgumentList.Add(arg);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = wrk.StandardOutput.ReadToEndAsync();
        var error = wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        return (await output).Split('\n').FirstOrDefault(l => l.StartsWith("wrk-result ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result (exit {wrk.ExitCode}): {await output}{await error}");
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "turns.lua");
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}

internal sealed record WrkResult(long Requests, double TurnsPerSecond, double P50, double P99, long Errors, long Replies, long Unanswered, double CpuMicrosPerTurn, double PeakMb);
