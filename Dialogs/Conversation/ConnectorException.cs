namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// A Bot Connector call failed: the channel refused it, or no answer came. Thrown by the connector client for replies
/// and proactive calls alike; <see cref="IsPermanent"/> means retrying cannot help (bot removed, user blocked). What a
/// failure means for an outbox row (retry, back-off, give up) is decided by the delivery pipeline, not here.
/// </summary>
public sealed class ConnectorException(int statusCode, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>HTTP status from the connector, or 0 when no response arrived (timeout, connection reset).</summary>
    public int StatusCode { get; } = statusCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsPermanent => StatusCode is 400 or 401 or 403 or 404 or 410;

    public bool IsThrottled => StatusCode == 429;
}
