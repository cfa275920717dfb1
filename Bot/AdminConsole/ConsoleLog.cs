namespace OrganBot.Bot.AdminConsole;

/// <summary>Console log lines (EventIds 7201–7209). Admin object ids and reasons only; never a token or a member.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "Console refused {Method} {Path} ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Console session started by link for admin {AdminAadObjectId}")]
    public static partial void SignedIn(ILogger logger, string adminAadObjectId);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Information, Message = "Console action {Action} on {ObjectId} by admin {AdminAadObjectId}")]
    public static partial void Action(ILogger logger, string action, string objectId, string adminAadObjectId);
}
