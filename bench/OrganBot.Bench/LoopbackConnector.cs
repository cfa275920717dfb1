using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrganBot.Bench;

/// <summary>
/// A minimal Bot Connector on loopback: accepts replies (<c>POST /v3/conversations/{id}/activities/{replyToId}</c>),
/// answers 201 like Teams, and completes the waiter registered for that replyToId with the arrival time.
/// </summary>
internal sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiters = new();
    /// <summary>Activity ids of the external driver (wrk) start with this; their replies are counted, not matched.</summary>
    public const string ExternalPrefix = "wrk";

    private long _unmatched;
    private long _externalReplies;
    private long _nextId;

    private LoopbackConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>Replies to the external driver's activities so far.</summary>
    public long ExternalReplies => Interlocked.Read(ref _externalReplies);

    public static async Task<LoopbackConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new LoopbackConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", connector.Reply);
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.Send);
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Registers interest in the reply to activity <paramref name="activityId"/>; the task yields its arrival timestamp.</summary>
    public Task<long> ExpectReply(string activityId)
    {
        var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[activityId] = waiter;
        return waiter.Task;
    }

    public void Forget(string activityId) => _waiters.TryRemove(activityId, out _);

    private async Task<IResult> Reply(string replyToId, HttpRequest request)
    {
        var now = Stopwatch.GetTimestamp();
        await request.Body.CopyToAsync(Stream.Null);
        if (_waiters.TryRemove(replyToId, out var waiter)) waiter.TrySetResult(now);
        else if (replyToId.StartsWith(ExternalPrefix, StringComparison.Ordinal)) Interlocked.Increment(ref _externalReplies);
        else Interlocked.Increment(ref _unmatched);
        return Results.Json(new { id = "msg-" + Interlocked.Increment(ref _nextId) }, statusCode: 201);
    }

    private async Task<IResult> Send(HttpRequest request)
    {
        await request.Body.CopyToAsync(Stream.Null);
        Interlocked.Increment(ref _unmatched);
        return Results.Json(new { id = "msg-" + Interlocked.Increment(ref _nextId) }, statusCode: 201);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
