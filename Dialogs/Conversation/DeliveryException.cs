namespace OrganBot.Dialogs.Conversation;

/// <summary>The channel refused or failed a send. <see cref="IsPermanent"/> means retrying cannot help (bot removed, user blocked).</summary>
public sealed class DeliveryException(int statusCode, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>HTTP status from the connector, or 0 when no response arrived (timeout, connection reset).</summary>
    public int StatusCode { get; } = statusCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsPermanent => StatusCode is 400 or 401 or 403 or 404 or 410;

    public bool IsThrottled => StatusCode == 429;
}
