using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

/// <summary>
/// Counts questions in memory (a turn only increments a number) and adds them to the QaAsked table every
/// <see cref="Interval"/> and at shutdown. Reads return the stored sums plus this instance's counts not stored yet; a
/// failed write keeps its counts for the next one.
/// </summary>
internal sealed partial class QuestionTally(IServiceScopeFactory scopes, OfficeClock office, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<QuestionTally> logger)
    : BackgroundService, IQuestionTally
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    // Keyed by the office month as numbers: a turn formats no "yyyy-MM" string; the stored rows keep the text.
    private readonly ConcurrentDictionary<(int Year, int Month, int Part), int> _pending = new();

    // A write and a read do not overlap, so a read never misses counts on their way into the table.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Count(int part, DateTimeOffset at)
    {
        var local = office.ToOffice(at);
        _pending.AddOrUpdate((local.Year, local.Month, part), 1, static (_, n) => n + 1);
    }

    private static string MonthText(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    public async Task<IReadOnlyList<QuestionCount>> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<QaAskedRecord>().AsNoTracking()
                .GroupBy(r => new { r.Month, r.Part }).Select(g => new { g.Key.Month, g.Key.Part, Count = g.Sum(r => r.Count) })
                .ToListAsync(cancellationToken);
            var sums = stored.ToDictionary(s => (s.Month, s.Part), s => s.Count);
            foreach (var (key, count) in _pending)
            {
                var month = (MonthText(key.Year, key.Month), key.Part);
                sums[month] = sums.GetValueOrDefault(month) + count;
            }
            return [.. sums.OrderBy(s => s.Key.Month, StringComparer.Ordinal).ThenBy(s => s.Key.Part).Select(s => new QuestionCount(s.Key.Month, s.Key.Part, s.Value))];
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real elapsed time, not the app's TimeProvider: a test's frozen clock must not stop the writes.
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await StoreAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host is stopping: StopAsync stores the rest.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (lifetime.ApplicationStarted.IsCancellationRequested) await StoreAsync(cancellationToken);
    }

    /// <summary>Adds the pending counts as rows; on failure they go back to pending.</summary>
    internal async Task StoreAsync(CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty) return;
        await _gate.WaitAsync(cancellationToken);
        var taken = new List<((int Year, int Month, int Part) Key, int Count)>();
        try
        {
            foreach (var key in _pending.Keys)
            {
                if (_pending.TryRemove(key, out var count)) taken.Add((key, count));
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var now = time.GetUtcNow();
            db.Set<QaAskedRecord>().AddRange(taken.Select(t => new QaAskedRecord { Month = MonthText(t.Key.Year, t.Key.Month), Part = t.Key.Part, Count = t.Count, CreatedAt = now }));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or OperationCanceledException)
        {
            foreach (var (key, count) in taken) _pending.AddOrUpdate(key, count, (_, n) => n + count);
            LogStoreFailed(logger, taken.Sum(t => t.Count), ex);
            if (ex is OperationCanceledException) throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Could not store {Questions} question count(s); kept for the next try")]
    private static partial void LogStoreFailed(ILogger logger, int questions, Exception exception);
}
