using Microsoft.Extensions.Logging;

namespace OrganBot.Dialogs.Knowledge;

internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Question {Question} answered as {Kind} (confidence {Confidence:F2}, top score {Score:F1})")]
    public static partial void Answered(ILogger logger, string question, AnswerKind kind, double confidence, double score);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Generated answer rejected (invalid citations or quotations); extractive answer used")]
    public static partial void GeneratedRejected(ILogger logger);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Answer {AnswerId} rated {Vote}")]
    public static partial void Voted(ILogger logger, string answerId, string vote);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Rejected Q&A card action {Verb}: invalid data")]
    public static partial void InvalidCardData(ILogger logger, string verb);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Q&A to-do {Item} resolved as {Status} with {Entries} open entries of the same question")]
    public static partial void QueueResolved(ILogger logger, long item, QaQueueStatus status, int entries);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Information, Message = "Question rewritten for retrieval by the model")]
    public static partial void Rewritten(ILogger logger);
}
