namespace OrganBot.Bot.ReadReceipts;

/// <summary>Read receipts and follow-ups: event ids 86xx.</summary>
internal static partial class ReadReceiptsLog
{
    [LoggerMessage(EventId = 8601, Level = LogLevel.Information, Message = "Rejected malformed read receipt in conversation {ConversationId}: {Reason}")]
    public static partial void Malformed(ILogger logger, string? conversationId, string reason);

    [LoggerMessage(EventId = 8602, Level = LogLevel.Debug, Message = "Read receipt up to {MessageId} in {ConversationId} marked {Count} deliveries read")]
    public static partial void Marked(ILogger logger, string messageId, string conversationId, int count);

    [LoggerMessage(EventId = 8603, Level = LogLevel.Error, Message = "Follow-up check failed")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8604, Level = LogLevel.Information, Message = "Automatic follow-up of announcement {Id}: {Queued} queued, {AtLimit} at the limit")]
    public static partial void AutoFollowUp(ILogger logger, long id, int queued, int atLimit);

    [LoggerMessage(EventId = 8605, Level = LogLevel.Information, Message = "Reminder nudge for {OccurrenceKey}: {Queued} members queued")]
    public static partial void Nudged(ILogger logger, string occurrenceKey, int queued);
}
