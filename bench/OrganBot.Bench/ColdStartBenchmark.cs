namespace OrganBot.Bench;

/// <summary>Start-up of the bot process to its first 200 from /healthz (database migrated), and its memory then.</summary>
internal static class ColdStartBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var runs = options.GetInt("runs", 3);
        for (var run = 1; run <= runs; run++)
        {
            var data = Directory.CreateTempSubdirectory("organbot-coldstart-");
            try
            {
                await using var bot = await ChildServer.StartBotAsync(data.FullName);
                var cpu = bot.CpuTime();
                var (rss, peak) = bot.Memory();
                // CPU time to healthy moves far less with other processes' load than the wall clock does.
                Console.WriteLine($"run {run}: /healthz answered {bot.Startup.TotalMilliseconds:F0} ms after process start (fresh SQLite database), CPU {cpu.TotalMilliseconds:F0} ms; RSS {rss:F0} MB, peak {peak:F0} MB; load average {LoadAverage()}");
            }
            finally
            {
                data.Delete(recursive: true);
            }
        }

        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
