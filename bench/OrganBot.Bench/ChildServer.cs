using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrganBot.Bench;

/// <summary>A server under test in its own process (so its memory is its own), started and awaited on /healthz.</summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private readonly Process _process;

    private ChildServer(Process process, Uri baseAddress, TimeSpan startup)
    {
        _process = process;
        BaseAddress = baseAddress;
        Startup = startup;
    }

    public Uri BaseAddress { get; }

    /// <summary>Process start to the first 200 from /healthz.</summary>
    public TimeSpan Startup { get; }

    /// <summary>The bot from this folder (the bench references Bot, so its build output is copied here), in dev mode on SQLite.</summary>
    /// <param name="postgres">A PostgreSQL connection string (a database the bot may create), or null for SQLite.</param>
    /// <param name="extraEnvironment">More variables for the bot only (e.g. GC settings to compare).</param>
    public static Task<ChildServer> StartBotAsync(string dataDirectory, string? postgres = null, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "OrganBot.Bot.dll");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MicrosoftAppId"] = "",
            ["Storage__Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["Storage__ConnectionString"] = postgres ?? $"Data Source={Path.Combine(dataDirectory, "bench.db")}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>()) environment[key] = value;
        return StartAsync(dll, [], environment);
    }

    public static Task<ChildServer> StartEchoAsync() =>
        StartAsync(Path.Combine(AppContext.BaseDirectory, "OrganBot.Bench.dll"), ["echo-server"], []);

    private static async Task<ChildServer> StartAsync(string dll, string[] args, Dictionary<string, string> environment)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode}: {await stderr}");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode) return new ChildServer(process, baseAddress, clock.Elapsed);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too slow to answer on a loaded machine: poll again.
            }

            await poll.WaitForNextTickAsync();
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{Path.GetFileName(dll)} did not answer /healthz within 60 s.");
    }

    /// <summary>Resident memory now and at its peak, in MB, from /proc (Linux).</summary>
    public (double RssMb, double PeakMb) Memory()
    {
        double Read(string key)
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }

        return OperatingSystem.IsLinux() ? (Read("VmRSS"), Read("VmHWM")) : (_process.WorkingSet64 / 1048576.0, _process.PeakWorkingSet64 / 1048576.0);
    }

    /// <summary>CPU time the server has used so far (user + system). Unlike turns/s, CPU per turn does not move with the machine's load.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
