namespace OrganBot.Bot.Downloads;

/// <summary>Download log lines (EventIds 7101–7109). Admin ids and object ids only; never a token.</summary>
internal static partial class DownloadsLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Refused download {Purpose}/{ObjectId}: {Reason}")]
    public static partial void Refused(ILogger logger, string purpose, string objectId, string reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Downloaded {Purpose}/{ObjectId} ({Rows} rows) for admin {AdminAadObjectId}")]
    public static partial void Downloaded(ILogger logger, string purpose, string objectId, int rows, string adminAadObjectId);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "{DeprecatedKey} is deprecated and will be removed in the next release; set {Key} instead")]
    public static partial void DeprecatedSetting(ILogger logger, string deprecatedKey, string key);
}
