using Microsoft.Extensions.Logging;

namespace OrganBot.Dialogs.Feedback;

/// <summary>Feedback log lines (EventIds 7xxx). Only ticket numbers and admin ids: never a member's name or id.</summary>
internal static partial class FeedbackLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Feedback ticket {Number} created")]
    public static partial void TicketCreated(ILogger logger, string number);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Feedback ticket {Number}: {Action} by admin {AdminAadObjectId}")]
    public static partial void TicketChanged(ILogger logger, string number, string action, string? adminAadObjectId);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Refused feedback card action {Verb}: {Reason}")]
    public static partial void Refused(ILogger logger, string? verb, string reason);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Admin {AdminAadObjectId} has never talked to the bot; new ticket cards cannot reach them until they do")]
    public static partial void AdminUnreachable(ILogger logger, string adminAadObjectId);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "No admin conversation received ticket {Number}; set a channel with 设为反馈处理频道 or configure Admins:AadObjectIds")]
    public static partial void NoAdminTargets(ILogger logger, string number);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Information, Message = "Feedback admin channel set by admin {AdminAadObjectId}")]
    public static partial void ChannelSet(ILogger logger, string? adminAadObjectId);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Information, Message = "Feedback ticket {Number} rated")]
    public static partial void Rated(ILogger logger, string number);
}
