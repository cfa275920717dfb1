using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Delivery;

/// <summary>
/// The built bot (<c>OrganBot.Bot.dll</c>, copied next to the tests by the project reference) in a process of its own,
/// configured through environment variables, so a test can kill it the hard way and start another on the same database.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly HttpClient _http;

    private BotProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>
    /// Seeds <paramref name="members"/> members through an in-process bot that then goes away, leaving its database for the
    /// processes; returns the database and the settings that point at it.
    /// </summary>
    public static async Task<(string DatabaseName, Dictionary<string, string?> Settings)> SeedDatabaseAsync(string serviceUrl, int members)
    {
        await using var seed = new BotApplication();
        seed.Start();
        seed.KeepDatabase = true;
        await DeliveryHarness.SeedMembersAsync(seed.Services, serviceUrl, members);
        return (seed.DatabaseName, new Dictionary<string, string?>(seed.Settings));
    }

    /// <summary>Starts the bot with <paramref name="settings"/> ("Section:Key" → value) and waits for /healthz.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan? startupTimeout = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "OrganBot.Bot.dll");
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";

        // Plain "Urls" (not ASPNETCORE_URLS): appsettings.json sets Urls, and app configuration outranks host variables.
        start.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        void Append(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (output)
            {
                if (output.Length < 200_000) output.AppendLine(e.Data);
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotProcess(process, output, baseAddress);

        var clock = Stopwatch.StartNew();
        var limit = startupTimeout ?? TimeSpan.FromSeconds(60);
        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The bot exited with {process.ExitCode} while starting:\n{bot.Output}");
            try
            {
                using var response = await probe.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode) return bot;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > limit)
            {
                await bot.DisposeAsync();
                throw new TimeoutException($"The bot did not answer /healthz within {limit.TotalSeconds} s:\n{bot.Output}");
            }

            // Polling a process that is starting up; there is nothing to wait on instead.
            await tick.WaitForNextTickAsync();
        }
    }

    /// <summary>Posts an activity to /api/messages and returns the parsed body (an invoke's response), or null.</summary>
    public async Task<JsonNode?> PostActivityAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), activity, cancellationToken);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Kills the process and its children at once (no graceful shutdown), like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }
}
