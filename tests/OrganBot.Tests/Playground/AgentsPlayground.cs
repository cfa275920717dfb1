using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Playground;

/// <summary>
/// The real Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, pinned in tools/node) as a
/// headless Teams client: its own process on a free loopback port, Teams-shaped ids from a YAML config, no telemetry,
/// no browser. Killed (with its children) on dispose.
/// </summary>
public sealed partial class AgentsPlayground : IAsyncDisposable
{
    public const string Package = "@microsoft/m365agentsplayground";

    private readonly Process _process;
    private readonly string _workDirectory;

    private AgentsPlayground(Process process, string workDirectory, int port)
    {
        _process = process;
        _workDirectory = workDirectory;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Null when node and the npm package are installed; otherwise why Playground tests are skipped.</summary>
    public static string? SkipReason => RepoPaths.NodeSkipReason(Package) is { } reason ? "Agents Playground unavailable: " + reason : null;

    private static string Executable => Path.Combine(RepoPaths.NodeTools, "node_modules", ".bin", "agentsplayground");

    /// <summary>Starts the Playground talking to <paramref name="botEndpoint"/> (…/api/messages) and waits until it answers.</summary>
    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint, CancellationToken cancellationToken = default)
    {
        var workDirectory = Directory.CreateTempSubdirectory("organbot-playground-").FullName;
        var config = Path.Combine(workDirectory, ".m365agentsplayground.yml");
        await File.WriteAllTextAsync(config, PlaygroundIdentity.Yaml(), cancellationToken);

        var port = FreePort();
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "-e", botEndpoint.ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = config;
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDirectory, "playground.log");

        var process = Process.Start(start) ?? throw new InvalidOperationException("The Agents Playground did not start.");
        var playground = new AgentsPlayground(process, workDirectory, port);
        try
        {
            await playground.WaitUntilReadyAsync(cancellationToken);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Playground's own log (startup errors such as a bad config go only there when stdout is not a TTY).</summary>
    public string LogTail()
    {
        var log = Path.Combine(_workDirectory, "playground.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log file)";
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            // It silently falls back to a random port when the asked one is busy: insist on ours, or a stale instance could answer.
            while (await _process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                if (ListeningLine().Match(line) is { Success: true } match)
                {
                    var actual = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (actual != Port) throw new InvalidOperationException($"The Playground took port {actual} instead of {Port}.");
                    break;
                }
            }

            _ = DrainAsync(_process.StandardOutput);
            _ = DrainAsync(_process.StandardError);
            using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            while (true)
            {
                if (_process.HasExited) throw new InvalidOperationException($"The Playground exited with code {_process.ExitCode}.");
                try
                {
                    if (await http.GetStringAsync("/_debug/ping", cts.Token) == "pong") return;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!cts.IsCancellationRequested)
                {
                    // One slow ping (a loaded machine) is not a failure: poll again until the deadline.
                }

                await poll.WaitForNextTickAsync(cts.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The Playground did not become ready on port {Port}. Log:\n{LogTail()}");
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message} Log:\n{LogTail()}", ex);
        }
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is not null)
            {
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (OperationCanceledException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();
}
