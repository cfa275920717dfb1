using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Delivery;

/// <summary>
/// A <see cref="FakeConnector.Responder"/> that behaves like Teams under load (docs/protocol.md §5.1): it enforces the tenant
/// rate and the per-conversation send windows (answering 429 with Retry-After when exceeded), injects faults at
/// random (429, 412, 5xx, timeouts) and answers 403 for blocked conversations. It keeps a ledger of what was really
/// delivered (answered 2xx), which is what a member would see.
/// </summary>
public sealed class TeamsSimulator
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly Queue<long> _tenantCalls = new();
    private readonly Dictionary<string, List<long>> _conversationSends = new(StringComparer.Ordinal);
    private readonly (int Count, long WindowTicks)[] _conversationWindows;

    public TeamsSimulator(double tenantRatePerSecond, double faultRate = 0, int seed = 42)
    {
        TenantRatePerSecond = tenantRatePerSecond;
        FaultRate = faultRate;
        _random = new Random(seed);
        _conversationWindows = [(7, Stopwatch.Frequency), (8, 2 * Stopwatch.Frequency), (60, 30 * Stopwatch.Frequency)];
    }

    public double TenantRatePerSecond { get; }

    /// <summary>Share of calls that get an injected fault.</summary>
    public double FaultRate { get; set; }

    /// <summary>Injected faults, drawn with equal weight. Default: 429, 412, 500, 502, 503, 504, timeout (0).</summary>
    public int[] FaultKinds { get; set; } = [429, 412, 500, 502, 503, 504, 0];

    /// <summary>Retry-After of an injected 429, in seconds.</summary>
    public int InjectedRetryAfterSeconds { get; set; } = 1;

    /// <summary>Conversations (or members, for create-conversation) that answer 403 (bot blocked or uninstalled).</summary>
    public ConcurrentDictionary<string, bool> Blocked { get; } = new(StringComparer.Ordinal);

    /// <summary>2xx answers to sends, per conversation: what each member actually received.</summary>
    public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

    /// <summary>Conversation id → user, for 1:1 chats the bot created.</summary>
    public ConcurrentDictionary<string, string> CreatedChats { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls the bot made over a limit (a pacer bug, or real throttling from other traffic).</summary>
    public int LimitViolations => _limitViolations;

    public int InjectedFaults => _injectedFaults;

    public int Calls => _calls;

    /// <summary>Stopwatch timestamps of every 2xx send, to measure throughput.</summary>
    public ConcurrentQueue<long> SuccessTimes { get; } = new();

    /// <summary>Every call over a limit: Stopwatch timestamp, which limit ("tenant" or "conversation"), method and path.</summary>
    public ConcurrentQueue<(long At, string Limit, string Method, string Path)> ViolationLog { get; } = new();

    /// <summary>Stopwatch timestamps of every call the bot made.</summary>
    public ConcurrentQueue<long> CallTimes { get; } = new();

    private int _limitViolations;
    private int _injectedFaults;
    private int _calls;

    public IResult? Respond(ConnectorCall call)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _calls);
        CallTimes.Enqueue(now);
        var segments = call.Path.Trim('/').Split('/');
        var isCreate = call.Method == "POST" && segments is ["v3", "conversations"];
        var isSend = call.IsSend;
        var conversationId = call.ConversationId;
        var createdFor = isCreate ? call.Body?["members"]?[0]?["id"]?.GetValue<string>() : null;

        lock (_gate)
        {
            var tenantOk = TakeTenantSlot(now);
            if (!tenantOk || (isSend && conversationId is not null && !TakeConversationSlot(conversationId, now)))
            {
                _limitViolations++;
                ViolationLog.Enqueue((now, tenantOk ? "conversation" : "tenant", call.Method, call.Path));
                return TooManyRequests(1);
            }

            if (FaultRate > 0 && _random.NextDouble() < FaultRate)
            {
                _injectedFaults++;
                var kind = FaultKinds[_random.Next(FaultKinds.Length)];
                return kind switch
                {
                    429 => TooManyRequests(InjectedRetryAfterSeconds),
                    0 => new HangUp(),
                    _ => Results.Json(new { error = new { code = "ServiceError", message = "Injected fault" } }, statusCode: kind),
                };
            }
        }

        if ((conversationId is not null && Blocked.ContainsKey(conversationId)) || (createdFor is not null && Blocked.ContainsKey(createdFor)))
        {
            return Results.Json(new { error = new { code = "BotDisabledByAdmin", message = "The bot is blocked." } }, statusCode: 403);
        }

        if (isCreate && createdFor is not null)
        {
            // Teams returns the same 1:1 chat for the same bot and user.
            var chat = "a:dm-" + createdFor;
            CreatedChats[chat] = createdFor;
            return Results.Json(new { id = chat }, statusCode: 201);
        }

        if (isSend && conversationId is not null)
        {
            Delivered.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
            SuccessTimes.Enqueue(now);
        }

        return null;
    }

    private bool TakeTenantSlot(long now)
    {
        while (_tenantCalls.Count > 0 && now - _tenantCalls.Peek() >= Stopwatch.Frequency) _tenantCalls.Dequeue();
        if (_tenantCalls.Count >= (int)Math.Max(1, Math.Floor(TenantRatePerSecond))) return false;
        _tenantCalls.Enqueue(now);
        return true;
    }

    private bool TakeConversationSlot(string conversationId, long now)
    {
        if (!_conversationSends.TryGetValue(conversationId, out var sends))
        {
            sends = [];
            _conversationSends[conversationId] = sends;
        }

        foreach (var (count, window) in _conversationWindows)
        {
            var inWindow = 0;
            for (var i = sends.Count - 1; i >= 0 && now - sends[i] < window; i--) inWindow++;
            if (inWindow >= count) return false;
        }

        sends.Add(now);
        if (sends.Count > 64) sends.RemoveRange(0, sends.Count - 64);
        return true;
    }

    private static IResult TooManyRequests(int retryAfterSeconds) => new Throttled(retryAfterSeconds);

    private sealed class Throttled(int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
    }

    /// <summary>Never answers; the bot's attempt timeout gives up and the connection is dropped. Nothing is delivered.</summary>
    private sealed class HangUp : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, httpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up.
            }

            httpContext.Abort();
        }
    }
}
