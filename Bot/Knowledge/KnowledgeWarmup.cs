using System.Diagnostics;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

/// <summary>Builds the speech index at start-up, so the first question is as fast as the others.</summary>
internal sealed partial class KnowledgeWarmup(IServiceProvider services, ILogger<KnowledgeWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        LogIndexed(logger, knowledge.Document.Parts.Count - 1, knowledge.Document.Sentences.Count, stopwatch.Elapsed.TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Speech indexed: {Parts} parts, {Sentences} sentences in {Milliseconds:F1} ms")]
    private static partial void LogIndexed(ILogger logger, int parts, int sentences, double milliseconds);
}
