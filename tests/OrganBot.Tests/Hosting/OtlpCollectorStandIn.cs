using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Hosting;

/// <summary>
/// A stand-in for an OpenTelemetry collector on loopback: accepts OTLP/HTTP protobuf POSTs to <c>/v1/metrics</c> and
/// <c>/v1/traces</c> and keeps the raw bodies (protobuf stores strings as plain UTF-8, so names can be searched for).
/// </summary>
public sealed class OtlpCollectorStandIn : IAsyncDisposable
{
    private WebApplication? _app;

    public string Endpoint { get; private set; } = "";

    public ConcurrentQueue<(string Path, string ContentType, byte[] Body)> Posts { get; } = new();

    public static async Task<OtlpCollectorStandIn> StartAsync()
    {
        var collector = new OtlpCollectorStandIn();
        (collector._app, collector.Endpoint) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", collector.ReceiveAsync));
        return collector;
    }

    /// <summary>True once a POST to <paramref name="path"/> carried every one of <paramref name="texts"/>.</summary>
    public bool Received(string path, params string[] texts) =>
        Posts.Any(p => p.Path == path && texts.All(t => p.Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(t)) >= 0));

    private async Task<IResult> ReceiveAsync(string signal, HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Posts.Enqueue(("/v1/" + signal, context.Request.ContentType ?? "", body.ToArray()));
        // An empty ExportServiceResponse message is zero bytes of protobuf.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
