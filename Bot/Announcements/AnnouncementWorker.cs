using Microsoft.Extensions.Options;
using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.Announcements;

/// <summary>
/// Every <see cref="AnnouncementOptions.ProgressInterval"/>: sends scheduled announcements that are due, refreshes the admin's
/// progress card in place while an announcement is sending, and writes the final report when every recipient is done.
/// The card's updates go through the outbox like every other proactive call, so they share the tenant's pace with the
/// announcement itself; a refresh queued while the previous one still waits replaces it.
/// Safe on several instances: state changes are compare-and-set, outbox rows are keyed.
/// </summary>
internal sealed partial class AnnouncementWorker(
    IServiceScopeFactory scopes,
    IOptionsMonitor<AnnouncementOptions> options,
    TimeProvider time,
    ILogger<AnnouncementWorker> logger) : BackgroundService
{
    private readonly Dictionary<long, string> _lastCards = [];

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
                LogTickFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.CurrentValue.ProgressInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IAnnouncementStore>();
        var service = scope.ServiceProvider.GetRequiredService<AnnouncementService>();
        var queue = scope.ServiceProvider.GetRequiredService<IDeliveryQueue>();
        var directory = scope.ServiceProvider.GetRequiredService<Storage.ConversationDirectory>();

        foreach (var due in await store.ListDueAsync(time.GetUtcNow(), cancellationToken))
        {
            if (!await store.TryTransitionAsync(due.Id, AnnouncementState.Scheduled, AnnouncementState.Sending, cancellationToken)) continue;
            await service.DispatchAsync(due with { State = AnnouncementState.Sending }, cancellationToken);
        }

        foreach (var announcement in await store.ListSendingAsync(cancellationToken))
        {
            var current = announcement;
            // The progress card stays in the language the admin composed it in: the one their card presses answer in
            // (last written, then chosen), else that of the admin's chat.
            var language = current.ControlConversationId is { } controlChat
                ? await ControlLanguageAsync(directory, controlChat, cancellationToken)
                : UiLanguage.Chinese;
            var model = await service.ProgressAsync(current, language, cancellationToken);
            if (model.Pending == 0 && model.Total > 0
                && await store.TryTransitionAsync(current.Id, AnnouncementState.Sending, AnnouncementState.Completed, cancellationToken))
            {
                current = current with { State = AnnouncementState.Completed };
                model = await service.ProgressAsync(current, language, cancellationToken);
                LogCompleted(logger, current.Id, model.Sent, model.Failed);
            }

            if (current.ControlConversationId is null || current.ControlActivityId is null) continue;
            var card = ControlCard.Build(model, language);
            var json = card.ToJsonString();
            if (_lastCards.TryGetValue(current.Id, out var last) && last == json) continue;
            await queue.EnqueueAsync(
                [new DeliveryRequest(
                    $"{current.BatchId}:progress:{time.GetUtcNow().UtcTicks}",
                    new DeliveryTarget.Conversation(current.ControlConversationId),
                    OutgoingMessage.FromCard(card),
                    ProgressBatch(current.Id),
                    AnnouncementService.Category,
                    Operation: DeliveryOperation.Update,
                    ActivityId: current.ControlActivityId)],
                cancellationToken);
            _lastCards[current.Id] = json;
            if (current.State == AnnouncementState.Completed) _lastCards.Remove(current.Id);
        }
    }

    /// <summary>The outbox batch of an announcement's progress-card updates (apart from its recipients' batch).</summary>
    internal static string ProgressBatch(long id) => $"{Announcement.BatchFor(id)}:progress";

    private static async Task<UiLanguage> ControlLanguageAsync(Storage.ConversationDirectory directory, string controlChat, CancellationToken cancellationToken)
    {
        var conversation = await directory.FindConversationAsync(controlChat, cancellationToken);
        var admin = conversation?.UserId is { } userId ? await directory.FindMemberAsync(userId, cancellationToken) : null;
        return UiLanguageExtensions.FromLocale(admin?.LastLanguage ?? admin?.PreferredLanguage ?? conversation?.Locale);
    }

    [LoggerMessage(EventId = 8301, Level = LogLevel.Error, Message = "Announcement progress tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8303, Level = LogLevel.Information, Message = "Announcement {Id} finished: {Sent} sent, {Failed} failed")]
    private static partial void LogCompleted(ILogger logger, long id, int sent, int failed);
}
