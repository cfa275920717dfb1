using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.Storage;
using OrganBot.Bot.Turns;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.Telemetry;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// Delivers one claimed outbox row: resolves the conversation (opening a 1:1 chat when needed), waits for the pacer,
/// calls the connector once, and stores the outcome. A row becomes Sent only after the connector's 2xx. The connector
/// client and the messenger that opens 1:1 chats come from DI, keyed <see cref="DeliveryExtensions.HttpClientName"/>
/// (the connector's HttpClient without the interactive retry handler, so 429s reach the pacer).
/// </summary>
internal sealed partial class DeliverySender(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    DeliveryPacer pacer,
    DeliveryCompletionWriter completions,
    IEnumerable<IDeliveryObserver> observers,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private readonly DeliveryOptions _options = options.Value;
    private readonly IDeliveryObserver[] _observers = [.. observers];
    private readonly ILogger _logger = loggerFactory.CreateLogger<DeliverySender>();
    private int _released;

    /// <summary>Rows handed back to the queue because the host stopped before their call went out.</summary>
    public int Released => Volatile.Read(ref _released);

    /// <summary>The pipeline's connector client (no interactive retry handler, so 429s reach the pacer), for paced roster reads.</summary>
    internal ConnectorClient CreateConnector() => services.GetRequiredKeyedService<ConnectorClient>(DeliveryExtensions.HttpClientName);

    /// <param name="resolved">The row's conversation if the worker already read it with the claim (null: look it up here).</param>
    /// <param name="stopping">Cancelled when the host stops: rows not yet sent go back to Pending.</param>
    public async Task ProcessAsync(DeliveryRecord row, ConversationRecord? resolved, CancellationToken stopping)
    {
        using var span = BotTelemetry.ActivitySource.StartActivity("organbot.delivery.send");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var claim = row.ClaimToken!.Value;
        var isProtected = row.TargetKind == DeliveryStore.ProtectedTarget;
        string? conversationId = null;
        string? tenantId = null;
        var called = false;
        var accepted = false;
        try
        {
            if (row.NotAfter is { } notAfter && time.GetUtcNow() > notAfter)
            {
                await FinishAsync(row, claim, DeliveryState.Expired, "Expired before it could be sent.", null);
                BotTelemetry.DeliveryFailed(null);
                return;
            }

            var message = DeliveryStore.ReadMessage(row);
            var connector = scope.ServiceProvider.GetRequiredKeyedService<ConnectorClient>(DeliveryExtensions.HttpClientName);
            conversationId = resolved?.Id ?? await ResolveConversationAsync(scope.ServiceProvider, db, row, stopping);
            var conversation = resolved
                ?? await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, stopping)
                ?? throw new ConnectorException(404, $"Unknown conversation {conversationId}.");
            tenantId = conversation.TenantId;

            var activity = ActivityMapper.ToActivity(
                message,
                new ChannelAccount { Id = conversation.BotId, Name = conversation.BotName },
                conversation.UserId is null ? null : new ChannelAccount { Id = conversation.UserId },
                new ConversationAccount { Id = conversation.Id },
                conversation.Locale);

            // Everything but the call itself is ready: the pacer's release should be as close to the wire as possible.
            var slot = await pacer.AcquireAsync(conversation.TenantId, conversation.Id, stopping);
            if (!LeaseLeftForOneCall(row))
            {
                // We waited so long that the lease could run out mid-call; let a fresh claim take it instead.
                await completions.RescheduleAsync(row.Id, claim, time.GetUtcNow(), null, countAttempt: false);
                return;
            }

            called = true;

            // Once the request is out, finish it even if the host is stopping: the answer decides Sent or not.
            // A channel is addressed at its root, like the interactive messenger does, so a post never lands in an old thread.
            var target = ProactiveMessenger.TargetId(conversation);
            string? activityId;
            try
            {
                activityId = await CallAsync(connector, conversation, target, row, activity);
            }
            finally
            {
                // Answered, whatever the outcome: from now on the call can no longer arrive at Teams.
                slot.Answered();
            }

            accepted = true;

            // Stored in a batch with other rows; the row stays ours (Sending, leased) until this returns. A protected
            // row keeps no trace of where it went.
            var sentAt = time.GetUtcNow();
            var storedConversation = isProtected ? null : conversation.Id;
            await completions.MarkSentAsync(row.Id, storedConversation, activityId, sentAt);
            BotTelemetry.DeliverySent();
            Notify(row, DeliveryState.Sent, storedConversation, activityId, null, sentAt);
        }
        catch (ConnectorException ex)
        {
            await HandleFailureAsync(row, claim, tenantId, conversationId, isProtected ? Anonymized(ex) : ex);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !called)
        {
            // Stopping before the call went out: nothing was sent, so the attempt does not count; due now for another instance.
            Interlocked.Increment(ref _released);
            await completions.RescheduleAsync(row.Id, claim, time.GetUtcNow(), null, countAttempt: false);
        }
        catch (Exception ex) when (accepted)
        {
            // The connector took the message: never retry it from here. The row stays leased; only a crash resends it.
            DeliveryLog.Unexpected(_logger, ex, row.DedupKey);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug or a database hiccup: retry later like a transient failure, but say so loudly.
            DeliveryLog.Unexpected(_logger, ex, row.DedupKey);
            await HandleFailureAsync(row, claim, tenantId, conversationId, new ConnectorException(0, "Unexpected error: " + ex.GetType().Name, inner: ex));
        }
    }

    private static async Task<string?> CallAsync(ConnectorClient connector, ConversationRecord conversation, string target, DeliveryRecord row, Activity activity)
    {
        switch (row.Operation)
        {
            case DeliveryOperation.Update:
                await connector.UpdateActivityAsync(conversation.ServiceUrl, target, RequireActivityId(row), activity, CancellationToken.None);
                return row.TargetActivityId;
            case DeliveryOperation.Delete:
                await connector.DeleteActivityAsync(conversation.ServiceUrl, target, RequireActivityId(row), CancellationToken.None);
                return row.TargetActivityId;
            case DeliveryOperation.Send when row.TargetActivityId is { } replyTo:
                // A reply to an earlier message (a follow-up pointing back at an announcement).
                return (await connector.ReplyToActivityAsync(conversation.ServiceUrl, conversation.Id, replyTo, activity, CancellationToken.None)).Id;
            default:
                return (await connector.SendToConversationAsync(conversation.ServiceUrl, target, activity, CancellationToken.None)).Id;
        }
    }

    /// <summary>The failure of a protected row without its message, which may name the member or their chat.</summary>
    private static ConnectorException Anonymized(ConnectorException ex) => new(ex.StatusCode, "Delivery to a protected recipient failed.", ex.RetryAfter);

    private async Task HandleFailureAsync(DeliveryRecord row, Guid claim, string? tenantId, string? conversationId, ConnectorException ex)
    {
        var now = time.GetUtcNow();
        var error = ex.StatusCode == 0 ? ex.Message : $"{ex.StatusCode}: {ex.Message}";
        if (ex.IsThrottled)
        {
            var retryAfter = ex.RetryAfter is { } after && after > TimeSpan.Zero ? after : _options.DefaultRetryAfter;
            pacer.ReportThrottled(tenantId, conversationId ?? row.TargetId, retryAfter);
            DeliveryLog.Throttled(_logger, row.DedupKey, retryAfter.TotalSeconds);
            BotTelemetry.DeliveryThrottled();
            if (row.Attempts < _options.MaxThrottledAttempts)
            {
                await completions.RescheduleAsync(row.Id, claim, now + retryAfter + Jitter(TimeSpan.FromMilliseconds(250)), error, countAttempt: true);
                BotTelemetry.DeliveryRetried("throttled");
                return;
            }
        }
        else if (IsTransient(ex.StatusCode) && row.Attempts < _options.MaxAttempts)
        {
            var ceiling = TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, _options.BaseBackoff.Ticks * (1L << Math.Min(20, row.Attempts - 1))));
            // Full jitter: anywhere between zero and the ceiling, so rows failed by one outage come back spread out.
            var delay = Jitter(ceiling);
            DeliveryLog.Retrying(_logger, row.DedupKey, ex.StatusCode, row.Attempts, delay.TotalSeconds);
            await completions.RescheduleAsync(row.Id, claim, now + delay, error, countAttempt: true);
            BotTelemetry.DeliveryRetried("transient");
            return;
        }

        DeliveryLog.Failed(_logger, row.DedupKey, ex.StatusCode, row.Attempts);
        BotTelemetry.DeliveryFailed(ex.StatusCode);
        // The pacer may know a protected row's chat (in memory, for its windows); the row must not.
        await FinishAsync(row, claim, DeliveryState.Failed, error, row.TargetKind == DeliveryStore.ProtectedTarget ? null : conversationId);
    }

    private async Task FinishAsync(DeliveryRecord row, Guid claim, DeliveryState state, string error, string? conversationId)
    {
        if (await completions.MarkFinalAsync(row.Id, claim, state, error, conversationId, time.GetUtcNow()) == 1)
        {
            Notify(row, state, conversationId, null, error, null);
        }
    }

    private async Task<string> ResolveConversationAsync(IServiceProvider scoped, BotDbContext db, DeliveryRecord row, CancellationToken cancellationToken)
    {
        var userId = row.TargetKind switch
        {
            DeliveryStore.UserTarget => row.TargetId,
            DeliveryStore.ProtectedTarget => scoped.GetService<IProtectedTargetResolver>()?.Resolve(row.TargetId)
                ?? throw new ConnectorException(400, "The protected recipient cannot be resolved."),
            _ => null,
        };
        if (userId is null) return row.TargetId;

        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == userId, cancellationToken)
            ?? throw new ConnectorException(404, $"Unknown member {userId}.");
        if (member.PersonalConversationId is { } existing) return existing;
        if (row.Operation != DeliveryOperation.Send) throw new ConnectorException(404, $"No chat with member {userId}.");

        // Creating the 1:1 chat is a connector call too, paced like a send (docs/protocol.md §5.1 "Create conversation").
        var slot = await pacer.AcquireAsync(member.TenantId, "create:" + member.Id, cancellationToken);
        var messenger = scoped.GetRequiredKeyedService<ProactiveMessenger>(DeliveryExtensions.HttpClientName);
        try
        {
            return await messenger.EnsurePersonalConversationAsync(member.Id, cancellationToken);
        }
        finally
        {
            slot.Answered();
        }
    }

    /// <summary>Room for the call, a batched store of its outcome and a second of slack before the lease ends.</summary>
    private bool LeaseLeftForOneCall(DeliveryRecord row) =>
        row.LeaseUntil is not { } leaseUntil
        || time.GetUtcNow() + _options.AttemptTimeout + _options.CompletionFlushInterval + TimeSpan.FromSeconds(1) < leaseUntil;

    private void Notify(DeliveryRecord row, DeliveryState state, string? conversationId, string? activityId, string? error, DateTimeOffset? sentAt)
    {
        var status = DeliveryStore.ToStatus(row) with { State = state, ConversationId = conversationId, ActivityId = activityId, Error = error, SentAt = sentAt };
        var completion = new DeliveryCompletion(row.BatchId, row.Category, status);
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnCompleted(completion);
            }
            catch (Exception ex)
            {
                DeliveryLog.ObserverFailed(_logger, ex, observer.GetType().Name);
            }
        }
    }

    private static string RequireActivityId(DeliveryRecord row) =>
        row.TargetActivityId ?? throw new ConnectorException(400, "An update or delete needs the activity id.");

    /// <summary>412 (precondition, Teams asks to retry), 5xx, and 0 = timeout or dropped connection.</summary>
    internal static bool IsTransient(int statusCode) => statusCode is 0 or 408 or 412 or >= 500;

    private static TimeSpan Jitter(TimeSpan max) => max <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(Random.Shared.NextInt64(max.Ticks));
}
