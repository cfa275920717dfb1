using Microsoft.Extensions.Options;
using OrganBot.Cards;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>
/// One nudge before an event to the members whose reminder went out but who have neither answered 参加/请假 nor read it
/// (no read receipt). Safe to run often and on several instances: one dedup key per occurrence and member.
/// </summary>
public sealed class ReminderNudger(
    IReminderStore store,
    IAudienceDirectory audience,
    IDeliveryQueue queue,
    ICronEvaluator cron,
    IOptionsMonitor<ReminderOptions> reminderOptions,
    IOptionsMonitor<NudgeOptions> nudgeOptions,
    TimeProvider time)
{
    public static string DedupKey(string occurrenceKey, string memberId) => $"nudge:{occurrenceKey}:{memberId}";

    public static string BatchFor(string occurrenceKey) => $"{occurrenceKey}:nudge";

    /// <summary>Queues the nudges that are due now; returns (occurrence, newly queued) for each occurrence looked at.</summary>
    public async Task<IReadOnlyList<(string OccurrenceKey, int Queued)>> RunAsync(CancellationToken cancellationToken)
    {
        if (nudgeOptions.CurrentValue.NudgeBefore is not { } before) return [];
        var now = time.GetUtcNow();
        var holidays = reminderOptions.CurrentValue.HolidayDates();
        var done = new List<(string, int)>();
        foreach (var ev in await store.ListEventsAsync(cancellationToken))
        {
            if (ev.Paused) continue;
            foreach (var occurrence in OccurrencePlanner.Between(ev, holidays, cron, now, now + before))
            {
                done.Add((occurrence.Key, await NudgeAsync(ev, occurrence, now, cancellationToken)));
            }
        }

        return done;
    }

    private async Task<int> NudgeAsync(ReminderEvent ev, Occurrence occurrence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = (await queue.GetBatchAsync(occurrence.Key, cancellationToken))
            .Where(s => s.Target is DeliveryTarget.User && s.State == DeliveryState.Sent)
            .GroupBy(s => ((DeliveryTarget.User)s.Target).UserId, StringComparer.Ordinal)
            .Where(g => g.All(s => s.ReadAt is null))
            .Select(g => g.Key)
            .ToList();
        if (sent.Count == 0) return 0;
        var answered = (await store.ListRsvpsAsync(occurrence.Key, cancellationToken)).Select(r => r.MemberId).ToHashSet(StringComparer.Ordinal);
        var members = (await audience.ResolveRecipientsAsync(ev.Audience, readRosters: false, cancellationToken)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var requests = new List<DeliveryRequest>();
        foreach (var memberId in sent.Where(m => !answered.Contains(m)))
        {
            members.TryGetValue(memberId, out var member);
            var language = UiLanguageExtensions.FromLocale(member?.Locale);
            var view = ReminderViews.Card(ev, occurrence, rsvp: null, member?.TimeZone, personal: true, now, language);
            var summary = language.Pick($"请答复是否参加：{ev.Title}，{ReminderViews.TimeLine(occurrence, ev, language)}", $"Please answer: {ev.Title}, {ReminderViews.TimeLine(occurrence, ev, language)}");
            requests.Add(new DeliveryRequest(
                DedupKey(occurrence.Key, memberId),
                new DeliveryTarget.User(memberId),
                OutgoingMessage.FromCard(ReminderCard.Build(view, language), summary) with { Notify = true },
                BatchFor(occurrence.Key),
                ReminderDispatcher.Category,
                NotAfter: occurrence.StartUtc));
        }

        return requests.Count == 0 ? 0 : await queue.EnqueueAsync(requests, cancellationToken);
    }
}
