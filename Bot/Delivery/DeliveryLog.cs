namespace OrganBot.Bot.Delivery;

internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Delivery worker started: {Rate}/s per tenant, {MaxInFlight} in flight")]
    public static partial void Started(ILogger logger, double rate, int maxInFlight);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Delivery {DedupKey} throttled (429); the pipeline pauses {Seconds:0.##} s")]
    public static partial void Throttled(ILogger logger, string dedupKey, double seconds);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Delivery {DedupKey} got {Status} on attempt {Attempt}; retrying in {Seconds:0.##} s")]
    public static partial void Retrying(ILogger logger, string dedupKey, int status, int attempt, double seconds);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Delivery {DedupKey} failed permanently with {Status} after {Attempts} attempts")]
    public static partial void Failed(ILogger logger, string dedupKey, int status, int attempts);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Error, Message = "Delivery {DedupKey} hit an unexpected error")]
    public static partial void Unexpected(ILogger logger, Exception exception, string dedupKey);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Error, Message = "Delivery worker could not claim rows; retrying")]
    public static partial void ClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8090, Level = LogLevel.Information, Message = "Delivery worker stopping: no new claims; {InFlight} deliveries in flight finish their call or go back to the queue")]
    public static partial void Stopping(ILogger logger, int inFlight);

    [LoggerMessage(EventId = 8091, Level = LogLevel.Information, Message = "Delivery worker stopped: {Released} deliveries not yet sent were handed back to the queue, due at once for another instance")]
    public static partial void Stopped(ILogger logger, int released);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Warning, Message = "Delivery observer {Observer} threw")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer);
}
