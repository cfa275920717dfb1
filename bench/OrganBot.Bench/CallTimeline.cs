using System.Collections.Concurrent;
using System.Diagnostics;
using OrganBot.Tests.Delivery;

namespace OrganBot.Bench;

/// <summary>
/// Where a call over the simulator's limit comes from: the pacer's release times, the times the request entered and
/// left the innermost HTTP handler, and the simulator's arrival times, all as Stopwatch timestamps. For each violation it
/// prints how many of each fell in the second before it, so a pacer that released too many shows in the first column
/// and a transit delay (release → arrival) in the difference between the columns.
/// </summary>
internal sealed class CallTimeline
{
    public ConcurrentQueue<long> Releases { get; } = new();

    public ConcurrentQueue<(long Entered, long Answered)> Requests { get; } = new();

    public DelegatingHandler CreateHandler() => new StampHandler(this);

    public void Print(TeamsSimulator simulator, double rate)
    {
        var releases = Releases.Order().ToArray();
        var entered = Requests.Select(r => r.Entered).Order().ToArray();
        var arrivals = simulator.CallTimes.Order().ToArray();
        var roundTrips = Requests.Select(r => Stopwatch.GetElapsedTime(r.Entered, r.Answered).TotalMilliseconds).Order().ToArray();
        if (arrivals.Length == 0) return;
        var origin = arrivals[0];
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        int InWindow(long[] times, long end, long width) => CountBefore(times, end + 1) - CountBefore(times, end - width + 1);
        double P(double p) => roundTrips.Length == 0 ? 0 : roundTrips[(int)Math.Min(roundTrips.Length - 1, p * roundTrips.Length)];
        Console.WriteLine($"timeline: {releases.Length} pacer releases, {entered.Length} requests, {arrivals.Length} arrivals; handler round trip p50 {P(0.5):0.0} ms, p99 {P(0.99):0.0} ms, max {P(1):0.0} ms; GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms in {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gen0/1/2 collections");
        var second = Stopwatch.Frequency;
        var longest = 0L;
        for (var i = 0; i < arrivals.Length && i < releases.Length; i++) longest = Math.Max(longest, arrivals[i] - releases[i]);
        Console.WriteLine($"timeline: largest lag of the k-th arrival behind the k-th release {Ms(longest):0.0} ms");
        foreach (var (at, limit, method, path) in simulator.ViolationLog)
        {
            Console.WriteLine(
                $"violation at {Ms(at - origin) / 1000:0.000} s: {limit} {method} {path[..Math.Min(40, path.Length)]}; in the 1 s before: arrivals {InWindow(arrivals, at, second)}, " +
                $"requests {InWindow(entered, at, second)}, releases {InWindow(releases, at, second)} (1.025 s: {InWindow(releases, at, second + (second / 40))}) of {Math.Floor(rate)} allowed; " +
                $"releases in the 1 s ending 25/50 ms earlier: {InWindow(releases, at - (second / 40), second)}/{InWindow(releases, at - (second / 20), second)}");
        }
    }

    private static int CountBefore(long[] sorted, long value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0) return ~index;
        while (index > 0 && sorted[index - 1] == value) index--;
        return index;
    }

    private sealed class StampHandler(CallTimeline timeline) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var entered = Stopwatch.GetTimestamp();
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                timeline.Requests.Enqueue((entered, Stopwatch.GetTimestamp()));
            }
        }
    }
}
