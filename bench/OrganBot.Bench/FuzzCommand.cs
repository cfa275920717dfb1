using System.Globalization;
using OrganBot.Tests.Fakes;
using OrganBot.Tests.Protocol;

namespace OrganBot.Bench;

/// <summary>
/// <c>fuzz</c>: sends mutated activities (<see cref="ActivityFuzzer"/>) to a bot on loopback and prints how many got a
/// 5xx and how many got no answer at all (a crash); both must be 0. Without <c>--url</c> it starts the bot itself (dev
/// mode, SQLite in a temporary folder) with a fake connector for its replies. Bounded by <c>--count</c> and <c>--seconds</c>.
/// </summary>
internal static class FuzzCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var count = options.GetInt("count", 100_000);
        var seed = options.GetInt("seed", 1);
        var seconds = options.GetInt("seconds", 1800);
        var concurrency = options.GetInt("concurrency", 8);
        var url = options.Get("url", "");
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var given) && given.IsLoopback))
        {
            Console.Error.WriteLine("fuzz: --url must be a loopback address (http://127.0.0.1:3978); it sends to nothing else.");
            return 2;
        }

        await using var connector = await FakeConnector.StartAsync();
        var data = Directory.CreateTempSubdirectory("organbot-fuzz-");
        try
        {
            await using var bot = url.Length == 0 ? await ChildServer.StartBotAsync(data.FullName) : null;
            var baseAddress = bot?.BaseAddress ?? new Uri(url);
            Console.WriteLine($"fuzz: {count} mutated activities, seed {seed}, {concurrency} at a time, at most {seconds} s, to {baseAddress} (replies to {connector.ServiceUrl})");
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { Timeout = TimeSpan.FromSeconds(60) };
            var report = await ActivityFuzzer.RunAsync(http, new Uri(baseAddress, "/api/messages"), connector.ServiceUrl, count, seed,
                TimeSpan.FromSeconds(seconds), concurrency, done =>
                {
                    connector.Clear(); // the fake keeps every call; the fuzz needs none of them
                    if (done % 10_000 == 0) Console.WriteLine($"  {done} sent");
                });

            var alive = await IsAliveAsync(http, baseAddress);
            var crashes = report.Crashes + (alive ? 0 : 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sent {report.Sent} in {report.Elapsed.TotalSeconds:F0} s ({report.Sent / report.Elapsed.TotalSeconds:F0}/s): 2xx {report.Ok}, 4xx {report.ClientErrors}"));
            Console.WriteLine($"501 for invoke names the bot does not implement (the protocol's answer, not an error): {report.NotImplemented}");
            Console.WriteLine($"5xx: {report.ServerErrors}");
            Console.WriteLine($"crashes: {crashes}{(alive ? "" : " (the bot no longer answers /healthz)")}");
            foreach (var sample in report.Samples) Console.WriteLine("  " + sample);
            return report.ServerErrors == 0 && crashes == 0 && report.Sent == count ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    private static async Task<bool> IsAliveAsync(HttpClient http, Uri baseAddress)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(baseAddress, "/healthz"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
