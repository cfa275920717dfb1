namespace OrganBot.Dialogs.Reminders;

/// <summary>Finds the event and occurrence a card button points at (by occurrence key, or by event id with a sensible default).</summary>
public sealed class OccurrenceResolver(IReminderStore store, ICronEvaluator cron, Microsoft.Extensions.Options.IOptionsMonitor<ReminderOptions> options, TimeProvider time)
{
    public async Task<(ReminderEvent? Event, Occurrence? Occurrence)> ResolveAsync(string? occurrenceKey, string? eventId, CancellationToken cancellationToken)
    {
        var holidays = options.CurrentValue.HolidayDates();
        if (OccurrenceKeys.TryParse(occurrenceKey, out var keyEventId, out var originalDate))
        {
            var byKey = await store.FindEventAsync(keyEventId, cancellationToken);
            return (byKey, byKey is null ? null : OccurrencePlanner.Find(byKey, originalDate, holidays, cron));
        }

        var ev = await store.FindEventAsync(eventId ?? "", cancellationToken);
        if (ev is null) return (null, null);
        var now = time.GetUtcNow();
        // Default: the next occurrence once its reminders are going out, else the latest one that started (within five weeks).
        var next = OccurrencePlanner.First(ev, holidays, cron, now);
        if (next is not null && next.StartUtc - now <= OccurrencePlanner.LongestLead(ev) + TimeSpan.FromDays(1)) return (ev, next);
        var started = OccurrencePlanner.Between(ev, holidays, cron, now.AddDays(-35), now.AddTicks(1)).Where(ev.Existed).ToList();
        return (ev, started.Count > 0 ? started[^1] : next);
    }
}
