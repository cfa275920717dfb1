using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrganBot.Tests.Fakes;

/// <summary>One HTTP call the bot made to the connector.</summary>
public sealed record ConnectorCall(string Method, string Path, JsonNode? Body, string? Authorization, string? TraceParent = null)
{
    public string? ConversationId => Path.StartsWith("/v3/conversations/", StringComparison.Ordinal)
        ? Uri.UnescapeDataString(Path["/v3/conversations/".Length..].Split('/')[0])
        : null;

    /// <summary>The first Adaptive Card attached to the activity, if any.</summary>
    public JsonObject? Card => Body?["attachments"]?[0]?["content"] as JsonObject;

    public string? Text => Body?["text"]?.GetValue<string>();

    public bool IsSend => Method == "POST" && Path.Contains("/activities", StringComparison.Ordinal);
}

/// <summary>
/// A Bot Connector on loopback (Kestrel): records every call and answers like Teams does. Tests can inject
/// faults through <see cref="Responder"/> (return null to answer normally).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly SemaphoreSlim _signal = new(0);
    private int _nextId;

    /// <summary>Message ids are this plus a counter: Teams-shaped (milliseconds since 1970), increasing.</summary>
    public const long FirstMessageId = 1_764_000_000_000;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>Base URL to use as the activities' serviceUrl, with a trailing slash.</summary>
    public string ServiceUrl { get; private set; } = "";

    public Func<ConnectorCall, IResult?>? Responder { get; set; }

    /// <summary>Roster returned by pagedmembers, per conversation/team id.</summary>
    public ConcurrentDictionary<string, List<JsonObject>> Rosters { get; } = new();

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    public IReadOnlyList<ConnectorCall> Sends => [.. _calls.Where(c => c.IsSend)];

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Map("/{**path}", (Delegate)connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    public void Clear()
    {
        while (_calls.TryDequeue(out _)) { }
    }

    /// <summary>Waits until the recorded calls satisfy <paramref name="condition"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForAsync(Func<IReadOnlyList<ConnectorCall>, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var calls = Calls;
            if (condition(calls)) return calls;
            try
            {
                await _signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Connector condition not met; {calls.Count} calls recorded: " +
                    string.Join(", ", calls.Select(c => $"{c.Method} {c.Path}")));
            }
        }
    }

    /// <summary>Waits for at least <paramref name="count"/> sends (POSTs of activities).</summary>
    public Task<IReadOnlyList<ConnectorCall>> WaitForSendsAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(calls => calls.Count(c => c.IsSend) >= count, timeout);

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        JsonNode? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body);
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }
        }

        var call = new ConnectorCall(context.Request.Method, context.Request.Path.Value ?? "", body, context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers["traceparent"].FirstOrDefault());
        var custom = Responder?.Invoke(call);
        _calls.Enqueue(call);
        _signal.Release();
        if (custom is not null) return custom;

        var id = Interlocked.Increment(ref _nextId);
        var segments = call.Path.Trim('/').Split('/');
        return (call.Method, segments) switch
        {
            ("POST", ["v3", "conversations"]) => Results.Json(new { id = $"a:created-{id}", activityId = $"act-{id}" }, statusCode: 201),
            ("GET", ["v3", "conversations", var conv, "pagedmembers"]) => Results.Json(new
            {
                members = Rosters.TryGetValue(Uri.UnescapeDataString(conv), out var roster) ? roster : [],
            }),
            ("DELETE", _) => Results.Ok(),
            ("PUT", _) => Results.Json(new { id = segments[^1] }),
            // Teams gives messages numeric ids that grow with time within a chat (read receipts compare them).
            _ => Results.Json(new { id = (FirstMessageId + id).ToString(System.Globalization.CultureInfo.InvariantCulture) }, statusCode: 201),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _signal.Dispose();
    }
}
