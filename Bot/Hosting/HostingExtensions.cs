using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Hosting;

/// <summary>Running the host: the listen address, structured logs, OpenTelemetry, <c>/healthz</c> with a database check, and a start-up line for newcomers.</summary>
internal static partial class HostingExtensions
{
    public const string HealthPath = "/healthz";

    /// <summary>Where a plain <c>dotnet run</c> listens: loopback, the Bot Framework tools' usual port.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>How long a stopping bot may take to finish calls on the wire (systemd's TimeoutStopSec must be longer).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(45);

    public static IHostApplicationBuilder AddBotHosting(this IHostApplicationBuilder builder)
    {
        // ASP.NET Core's own sources choose the address (Urls, --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS/HTTPS_PORTS,
        // Kestrel:Endpoints); the default applies only when none of them is set. A Urls key in appsettings.json would
        // override ASPNETCORE_URLS (app configuration outranks host variables), so the default lives here instead.
        if (!HasListenAddress(builder.Configuration))
        {
            builder.Configuration.AddInMemoryCollection([new(WebHostDefaults.ServerUrlsKey, DefaultUrl)]);
        }

        // One JSON object per log line when a service manager or container collects the output (log shippers parse it);
        // readable text in a terminal and in Development. Logging:Console:FormatterName overrides both.
        if (!builder.Environment.IsDevelopment() && Console.IsOutputRedirected
            && string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.IncludeScopes = true;
            });
        }

        // On SIGTERM a connector call already on the wire may take up to Delivery:AttemptTimeout (30 s) to answer; the host
        // waits a little longer than that (unless shutdownTimeoutSeconds says otherwise) so the answer is recorded.
        if (builder.Configuration["shutdownTimeoutSeconds"] is null)
        {
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        }

        builder.AddBotTelemetry();
        builder.Services.AddHealthChecks().AddDbContextCheck<BotDbContext>("database");
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.AddHostedService<NativeHeapTrimmer>();
        return builder;
    }

    /// <summary>True when any of ASP.NET Core's documented address settings is present.</summary>
    internal static bool HasListenAddress(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").Exists();

    /// <summary><c>GET /healthz</c>: 200 with <c>{"status":"Healthy","checks":{"database":"Healthy"}}</c>, 503 when a check fails.</summary>
    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>Says once, at start, where the bot listens and how to talk to it; warns when dev mode listens beyond loopback.</summary>
internal sealed partial class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<BotAuthOptions> auth,
    IOptions<StorageOptions> storage,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var first = addresses.FirstOrDefault() ?? HostingExtensions.DefaultUrl;
        var endpoint = first.TrimEnd('/') + "/api/messages";
        if (!auth.Value.IsDevMode)
        {
            LogListening(logger, endpoint, storage.Value.Provider);
            return;
        }

        var port = Uri.TryCreate(first, UriKind.Absolute, out var uri) ? uri.Port : 3978;
        LogDevMode(logger, endpoint, storage.Value.Provider, port);
        foreach (var address in addresses.Where(a => !IsLoopback(a)))
        {
            LogDevModeNotLoopback(logger, address);
        }
    }

    private static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)) return false;
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information,
        Message = "OrganBot is running in dev mode (no MicrosoftAppId; only this machine may talk to it) at {Endpoint}, storage {Provider}. " +
                  "Chat with it in Microsoft 365 Agents Playground: npx @microsoft/m365agentsplayground@0.2.28 -e http://127.0.0.1:{Port}/api/messages -c msteams")]
    private static partial void LogDevMode(ILogger logger, string endpoint, StorageProvider provider, int port);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Information, Message = "OrganBot is listening at {Endpoint}, storage {Provider}")]
    private static partial void LogListening(ILogger logger, string endpoint, StorageProvider provider);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Warning,
        Message = "Dev mode is listening on {Address}, which is not loopback; requests from other machines are refused. Listen on loopback (e.g. ASPNETCORE_URLS=http://localhost:3978) or configure MicrosoftAppId")]
    private static partial void LogDevModeNotLoopback(ILogger logger, string address);
}
