using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrganBot.Tests.Hosting;

/// <summary>
/// A stand-in for an OpenTelemetry collector on loopback: accepts OTLP/HTTP protobuf POSTs to <c>/v1/metrics</c> and
/// <c>/v1/traces</c> and keeps the raw bodies (protobuf stores strings as plain UTF-8, so names can be searched for).
/// </summary>
public sealed class OtlpCollectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpCollectorStandIn(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public ConcurrentQueue<(string Path, string ContentType, byte[] Body)> Posts { get; } = new();

    public static async Task<OtlpCollectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var collector = new OtlpCollectorStandIn(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            collector.Posts.Enqueue(("/v1/" + signal, context.Request.ContentType ?? "", body.ToArray()));
            // An empty ExportServiceResponse message is zero bytes of protobuf.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        collector.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return collector;
    }

    /// <summary>True once a POST to <paramref name="path"/> carried every one of <paramref name="texts"/>.</summary>
    public bool Received(string path, params string[] texts) =>
        Posts.Any(p => p.Path == path && texts.All(t => p.Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(t)) >= 0));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
