using System.Diagnostics;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

/// <summary>
/// Builds the speech index at start-up (so the first question is as fast as the others) and teaches it every
/// phrasing admins linked in 问答待办. The engine needs no database, so it is built on the thread pool from
/// <see cref="StartingAsync"/>, which the host calls before any service starts, beside the database migrator;
/// <see cref="StartAsync"/> runs after the migrator (registered earlier), waits for the engine and reads the linked
/// phrasings. Kestrel starts after every <see cref="StartAsync"/>, so /healthz is healthy and the first question
/// is answered only once both are done.
/// </summary>
internal sealed partial class KnowledgeWarmup(IServiceProvider services, ILogger<KnowledgeWarmup> logger) : IHostedLifecycleService
{
    private Task<(KnowledgeBase Knowledge, double Milliseconds)>? _engine;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _engine = Task.Run(BuildEngine, cancellationToken);
        return Task.CompletedTask;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var (knowledge, engineMilliseconds) = await (_engine ?? Task.FromResult(BuildEngine())).WaitAsync(cancellationToken);
        var waited = stopwatch.Elapsed.TotalMilliseconds;
        await using var scope = services.CreateAsyncScope();
        var linked = await scope.ServiceProvider.GetRequiredService<IQaQueueStore>().GetLinkedAsync(cancellationToken);
        foreach (var (question, sentenceIds) in linked) knowledge.Learn(question, sentenceIds);
        LogIndexed(logger, knowledge.Document.Parts.Count - 1, knowledge.Document.Sentences.Count, linked.Count, engineMilliseconds, waited, stopwatch.Elapsed.TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private (KnowledgeBase, double) BuildEngine()
    {
        var stopwatch = Stopwatch.StartNew();
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        return (knowledge, stopwatch.Elapsed.TotalMilliseconds);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Speech indexed: {Parts} parts, {Sentences} sentences, {Linked} linked phrasings; engine built in {EngineMilliseconds:F1} ms beside the migrator, waited {WaitedMilliseconds:F1} ms for it, ready {Milliseconds:F1} ms after the migrator")]
    private static partial void LogIndexed(ILogger logger, int parts, int sentences, int linked, double engineMilliseconds, double waitedMilliseconds, double milliseconds);
}
