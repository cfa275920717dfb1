using Microsoft.Extensions.Options;
using OrganBot.Bot.Delivery;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.ReadReceipts;

namespace OrganBot.Bot.ReadReceipts;

/// <summary>
/// Every <see cref="FollowUpOptions.FollowUpCheckInterval"/>: fires the automatic follow-ups that are due (each exactly once,
/// across instances, see <see cref="IFollowUpPlans.TryFireAsync"/>) and queues the reminder nudges that are due.
/// </summary>
internal sealed class FollowUpWorker(
    IServiceScopeFactory scopes,
    DeliverySignal signal,
    IOptionsMonitor<FollowUpOptions> options,
    IOptionsMonitor<NudgeOptions> nudges,
    TimeProvider time,
    ILogger<FollowUpWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                ReadReceiptsLog.TickFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.CurrentValue.FollowUpCheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        var queued = await FireDuePlansAsync(cancellationToken);
        if (nudges.CurrentValue.NudgeBefore is not null) queued |= await NudgeAsync(cancellationToken);

        // The follow-up rows were committed after the queue's own wake-up call; wake the worker again so it sees them now.
        if (queued) signal.Pulse();
    }

    private async Task<bool> FireDuePlansAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<IFollowUpPlans>();
        var store = scope.ServiceProvider.GetRequiredService<IAnnouncementStore>();
        var followUp = scope.ServiceProvider.GetRequiredService<AnnouncementFollowUp>();
        var queued = false;
        foreach (var plan in await plans.ListOpenAsync(cancellationToken))
        {
            var announcement = await store.FindAsync(plan.AnnouncementId, cancellationToken);
            if (announcement is null || announcement.State is AnnouncementState.Cancelled or AnnouncementState.Recalled)
            {
                // Nothing to follow up any more: close the plan.
                await plans.TryFireAsync(plan.AnnouncementId, _ => Task.CompletedTask, cancellationToken);
                continue;
            }

            if (FollowUpScheduler.DueAt(announcement, plan) is not { } due || due > time.GetUtcNow()) continue;
            var result = FollowUpResult.Nothing;
            if (await plans.TryFireAsync(plan.AnnouncementId, async ct => result = await followUp.RemindUnreadAsync(announcement, ct), cancellationToken))
            {
                ReadReceiptsLog.AutoFollowUp(logger, announcement.Id, result.Queued, result.AtLimit);
                queued |= result.Queued > 0;
            }
        }

        return queued;
    }

    private async Task<bool> NudgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queued = false;
        foreach (var (occurrenceKey, count) in await scope.ServiceProvider.GetRequiredService<ReminderNudger>().RunAsync(cancellationToken))
        {
            if (count == 0) continue;
            ReadReceiptsLog.Nudged(logger, occurrenceKey, count);
            queued = true;
        }

        return queued;
    }
}
