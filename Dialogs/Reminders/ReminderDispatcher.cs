using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrganBot.Cards;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Reminders;

/// <summary>
/// Sends what is due for one event and says when to wake up next. Safe to run at any time, as often as wanted and on
/// several instances at once: every (occurrence, lead, recipient) has one delivery dedup key, and every (occurrence, lead)
/// one dispatch record. A lead missed while the bot was down is sent late if the event has not started (only the most
/// recent missed lead of an occurrence), otherwise logged and skipped.
/// </summary>
public sealed partial class ReminderDispatcher(
    IReminderStore store,
    IAudienceDirectory audience,
    IDeliveryQueue delivery,
    ICronEvaluator cron,
    IOptionsMonitor<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderDispatcher> logger)
{
    public const string Category = "reminder";

    public static string DedupKey(string occurrenceKey, string leadKey, string recipientId) => $"reminder:{occurrenceKey}:{leadKey}:{recipientId}";

    /// <summary>Dispatches what is due now; returns the next instant to run, or null when nothing is left.</summary>
    public async Task<DateTimeOffset?> RunAsync(string eventId, CancellationToken cancellationToken)
    {
        var ev = await store.FindEventAsync(eventId, cancellationToken);
        if (ev is null || ev.Paused) return null;

        var now = time.GetUtcNow();
        var holidays = options.CurrentValue.HolidayDates();
        var lookBack = TimeSpan.FromDays(3);
        var occurrences = OccurrencePlanner.Between(ev, holidays, cron, now - lookBack, now + OccurrencePlanner.LongestLead(ev) + TimeSpan.FromDays(1));
        var dueByOccurrence = occurrences
            .Select(o => (Occurrence: o, Due: OccurrencePlanner.Reminders(ev, o).Where(r => r.FireUtc <= now).ToList()))
            .Where(x => x.Due.Count > 0)
            .ToList();
        if (dueByOccurrence.Count > 0)
        {
            var done = await store.GetDispatchKeysAsync(ev.Id, [.. dueByOccurrence.Select(x => x.Occurrence.Key)], cancellationToken);
            foreach (var (occurrence, due) in dueByOccurrence)
            {
                var pending = due.Where(r => !done.Contains(r.DispatchKey)).ToList();
                if (pending.Count == 0) continue;
                if (occurrence.StartUtc <= now)
                {
                    foreach (var missed in pending) await SkipAsync(missed, "missed-started", now, cancellationToken);
                    continue;
                }

                // Only the latest due lead goes out; an older one missed meanwhile would only repeat it.
                var latest = pending[^1];
                foreach (var older in pending.Take(pending.Count - 1)) await SkipAsync(older, "superseded", now, cancellationToken);
                await SendAsync(ev, latest, now, cancellationToken);
            }
        }

        return NextWakeUp(ev, holidays, now);
    }

    /// <summary>The next reminder instant after <paramref name="now"/> (the first few occurrences are enough: leads are at most 30 days).</summary>
    public DateTimeOffset? NextWakeUp(ReminderEvent ev, IReadOnlySet<DateOnly> holidays, DateTimeOffset now)
    {
        if (ev.Paused) return null;
        return OccurrencePlanner.Next(ev, holidays, cron, now, 12)
            .SelectMany(o => OccurrencePlanner.Reminders(ev, o))
            .Where(r => r.FireUtc > now)
            .Select(r => (DateTimeOffset?)r.FireUtc)
            .Min();
    }

    public DateTimeOffset? NextWakeUp(ReminderEvent ev) => NextWakeUp(ev, options.CurrentValue.HolidayDates(), time.GetUtcNow());

    /// <summary>
    /// An admin's 现在发送 after saving an event whose first reminder time had passed: sends the latest missed lead of the
    /// occurrence now. Returns the recipients, or null when it was already sent (or nothing was missed).
    /// </summary>
    public async Task<int?> SendMissedNowAsync(ReminderEvent ev, Occurrence occurrence, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var missed = ev.LeadTimes
            .Select(lead => new PlannedReminder(occurrence, lead, lead.FireTime(occurrence.LocalStart, ev.Zone)))
            .Where(r => r.FireUtc <= now && r.FireUtc < occurrence.StartUtc)
            .OrderBy(r => r.FireUtc)
            .LastOrDefault();
        if (missed is null || now >= occurrence.StartUtc) return null;
        var done = await store.GetDispatchKeysAsync(ev.Id, [occurrence.Key], cancellationToken);
        if (done.Contains(missed.DispatchKey)) return null;
        return await SendAsync(ev, missed, now, cancellationToken);
    }

    private async Task<int> SendAsync(ReminderEvent ev, PlannedReminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A group chat's roster is read when the reminder is posted, so 出勤统计 can list who has not answered.
        var recipients = await audience.ResolveRecipientsAsync(ev.Audience, readRosters: ev.Audience.Kind == AudienceKind.GroupChat, cancellationToken);
        var muting = ev.Mandatory ? new HashSet<string>() : await store.GetMembersMutingAsync(ev.Kind, cancellationToken);
        var occurrence = reminder.Occurrence;
        var requests = new List<DeliveryRequest>(recipients.Count);
        foreach (var recipient in recipients)
        {
            if (!recipient.IsConversation && muting.Contains(recipient.Id)) continue;
            var language = UiLanguageExtensions.FromLocale(recipient.Locale);
            var view = ReminderViews.Card(ev, occurrence, rsvp: null, recipient.IsConversation ? null : recipient.TimeZone, personal: !recipient.IsConversation, now, language);
            var summary = language.Pick($"活动提醒：{ev.Title}，{ReminderViews.TimeLine(occurrence, ev, language)}", $"Reminder: {ev.Title}, {ReminderViews.TimeLine(occurrence, ev, language)}");
            requests.Add(new DeliveryRequest(
                DedupKey(occurrence.Key, reminder.Lead.Key, recipient.Id),
                recipient.Target,
                OutgoingMessage.FromCard(ReminderCard.Build(view, language), summary) with { Notify = true },
                BatchId: occurrence.Key,
                Category: Category,
                NotAfter: occurrence.StartUtc));
        }

        var queued = requests.Count == 0 ? 0 : await delivery.EnqueueAsync(requests, cancellationToken);
        await store.TryRecordDispatchAsync(new DispatchRecord(reminder.DispatchKey, ev.Id, occurrence.Key, reminder.Lead.Key, "sent", requests.Count, now), cancellationToken);
        LogDispatched(logger, ev.Id, occurrence.Key, reminder.Lead.Key, queued, requests.Count, now - reminder.FireUtc);
        return requests.Count;
    }

    private async Task SkipAsync(PlannedReminder reminder, string why, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = reminder.Occurrence;
        if (await store.TryRecordDispatchAsync(new DispatchRecord(reminder.DispatchKey, o.EventId, o.Key, reminder.Lead.Key, "skipped:" + why, 0, now), cancellationToken))
        {
            LogSkipped(logger, o.EventId, o.Key, reminder.Lead.Key, why, reminder.FireUtc);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Reminder {EventId} {OccurrenceKey} lead {LeadKey}: {Queued} new of {Recipients} deliveries queued, {Lateness} after the planned time")]
    private static partial void LogDispatched(ILogger logger, string eventId, string occurrenceKey, string leadKey, int queued, int recipients, TimeSpan lateness);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Reminder {EventId} {OccurrenceKey} lead {LeadKey} planned for {FireUtc} was not sent ({Reason})")]
    private static partial void LogSkipped(ILogger logger, string eventId, string occurrenceKey, string leadKey, string reason, DateTimeOffset fireUtc);
}
