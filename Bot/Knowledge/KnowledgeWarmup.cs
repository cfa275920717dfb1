using System.Diagnostics;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

/// <summary>
/// Builds the speech index at start-up (so the first question is as fast as the others) and teaches it every
/// phrasing admins linked in 问答待办. Runs after the database migrator (registered earlier).
/// </summary>
internal sealed partial class KnowledgeWarmup(IServiceProvider services, ILogger<KnowledgeWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        await using var scope = services.CreateAsyncScope();
        var linked = await scope.ServiceProvider.GetRequiredService<IQaQueueStore>().GetLinkedAsync(cancellationToken);
        foreach (var (question, sentenceIds) in linked) knowledge.Learn(question, sentenceIds);
        LogIndexed(logger, knowledge.Document.Parts.Count - 1, knowledge.Document.Sentences.Count, linked.Count, stopwatch.Elapsed.TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Speech indexed: {Parts} parts, {Sentences} sentences, {Linked} linked phrasings in {Milliseconds:F1} ms")]
    private static partial void LogIndexed(ILogger logger, int parts, int sentences, int linked, double milliseconds);
}
