namespace OrganBot.Dialogs.Reminders;

public enum RsvpAnswer { Attend, Leave }

public sealed record Rsvp(string OccurrenceKey, string EventId, string MemberId, string? MemberName, RsvpAnswer Answer, string? Reason, DateTimeOffset UpdatedAt);

/// <summary>What happened to one (occurrence, lead time): sent to N recipients, or skipped and why.</summary>
public sealed record DispatchRecord(string DispatchKey, string EventId, string OccurrenceKey, string LeadKey, string Outcome, int Recipients, DateTimeOffset At);

/// <summary>Events, exceptions, answers, mutes and dispatch records (EF in the host).</summary>
public interface IReminderStore
{
    Task<IReadOnlyList<ReminderEvent>> ListEventsAsync(CancellationToken cancellationToken);

    Task<ReminderEvent?> FindEventAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the event with its exceptions.</summary>
    Task SaveEventAsync(ReminderEvent reminderEvent, CancellationToken cancellationToken);

    Task DeleteEventAsync(string eventId, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> GetDispatchKeysAsync(string eventId, IReadOnlyCollection<string> occurrenceKeys, CancellationToken cancellationToken);

    /// <summary>Records the dispatch unless one with the same key exists; false when it already existed (another instance or an earlier run).</summary>
    Task<bool> TryRecordDispatchAsync(DispatchRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<DispatchRecord>> ListDispatchesAsync(string occurrenceKey, CancellationToken cancellationToken);

    Task<Rsvp?> FindRsvpAsync(string occurrenceKey, string memberId, CancellationToken cancellationToken);

    Task SaveRsvpAsync(Rsvp rsvp, CancellationToken cancellationToken);

    Task<IReadOnlyList<Rsvp>> ListRsvpsAsync(string occurrenceKey, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> GetMutedKindsAsync(string memberId, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> GetMembersMutingAsync(string kind, CancellationToken cancellationToken);

    Task SetMutedAsync(string memberId, string kind, bool muted, CancellationToken cancellationToken);
}

/// <summary>Wakes the dispatcher for an event at a given instant (Quartz in the host); null removes the wake-up.</summary>
public interface IReminderScheduler
{
    Task ScheduleAsync(string eventId, DateTimeOffset? fireAtUtc, CancellationToken cancellationToken);
}

/// <summary>The 台账 of one occurrence, ready to be written as a file: one row per expected member, then failed deliveries to others.</summary>
public sealed record AttendanceLedger(string EventTitle, string Time, IReadOnlyList<AttendanceLedgerRow> Rows)
{
    public static readonly IReadOnlyList<string> Columns = ["活动", "时间", "姓名", "答复", "请假原因", "答复时间", "送达情况"];
}

public sealed record AttendanceLedgerRow(string Name, string Answer, string Reason, string AnsweredAt, string Delivery);
