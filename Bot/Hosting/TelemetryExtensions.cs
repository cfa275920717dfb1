using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrganBot.Dialogs.Telemetry;

namespace OrganBot.Bot.Hosting;

/// <summary>
/// OpenTelemetry metrics and traces: the bot's own <c>OrganBot</c> meter and activity source plus ASP.NET Core and
/// HttpClient instrumentation. The OTLP exporter switches on with the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (and reads <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c> and the rest the usual way).
/// </summary>
internal static class TelemetryExtensions
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "organbot";

    /// <summary>ASP.NET Core's per-request logging category (request start and finish, the request's log scope).</summary>
    internal const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IHostApplicationBuilder AddBotTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName));
        // What metrics and traces hold is declared always, but their providers are built only when something exports
        // them (the OTLP exporter here, or whoever else calls WithMetrics/WithTracing). Without an exporter every turn
        // still recorded two request-duration histograms and created, tagged and dropped three spans (request, turn,
        // connector call), for nobody: several per cent of a Q&A turn's CPU in the turns benchmark.
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(BotTelemetry.Name)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation());
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(BotTelemetry.Name)
            // Health probes arrive every few seconds and say nothing a trace would add.
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(HostingExtensions.HealthPath))
            .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) telemetry.WithMetrics().WithTracing().UseOtlpExporter();

        // ASP.NET Core starts an Activity and a logging scope for every request whenever its hosting category can log at
        // all, and HttpClient then starts a child Activity and writes a traceparent header on the connector call: about a
        // tenth of a Q&A turn's CPU in the turns benchmark, for nobody when nothing exports traces. The category only logs
        // request start and finish (below the Warning level configured for Microsoft.AspNetCore anyway), so it is off unless
        // configuration names it. With tracing on, the instrumentation's listener still starts and propagates the spans.
        if (builder.Configuration[$"Logging:LogLevel:{HostingDiagnosticsCategory}"] is null)
        {
            builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
        }

        builder.Services.AddHostedService<DeliveryQueueSampler>();
        return builder;
    }
}
