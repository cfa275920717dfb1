namespace OrganBot.Dialogs.Reminders;

public enum RsvpAnswer { Attend, Leave }

/// <summary>Where a 请假 stands when the event names approvers (<see cref="ReminderEvent.Approvers"/>); None without approvers.</summary>
public enum LeaveApproval { None, Pending, Approved, Rejected }

/// <param name="Approval">The approvers' decision on a 请假; reset to Pending when the member changes the reason.</param>
/// <param name="ApprovalNote">The approver's optional note, passed on to the member.</param>
/// <param name="DecidedBy">Name of the approver who decided.</param>
public sealed record Rsvp(
    string OccurrenceKey, string EventId, string MemberId, string? MemberName, RsvpAnswer Answer, string? Reason, DateTimeOffset UpdatedAt,
    LeaveApproval Approval = LeaveApproval.None, string? ApprovalNote = null, string? DecidedBy = null, DateTimeOffset? DecidedAt = null)
{
    /// <summary>Names this version of the answer (time and reason): an approval card applies only to the 请假 it was sent for.</summary>
    public string Version
    {
        get
        {
            // FNV-1a over the reason: two answers in the same millisecond with different reasons stay apart. Whole
            // milliseconds, because storage keeps 0.1 ms (DateTimeOffsetToBinaryConverter): the version on the card,
            // made from the answer just given, must equal the one made from the stored answer.
            var hash = 2166136261u;
            foreach (var c in Reason ?? "") hash = (hash ^ c) * 16777619u;
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{UpdatedAt.UtcTicks / TimeSpan.TicksPerMillisecond}-{hash:x8}");
        }
    }
}

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

    /// <summary>Every answer given for the event's occurrences (the 台账 over a date range).</summary>
    Task<IReadOnlyList<Rsvp>> ListEventRsvpsAsync(string eventId, CancellationToken cancellationToken);

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
    public static readonly IReadOnlyList<string> Columns = ["活动", "时间", "姓名", "答复", "请假原因", "答复时间", "送达情况", "审批意见"];
}

public sealed record AttendanceLedgerRow(string Name, string Answer, string Reason, string AnsweredAt, string Delivery, string ApprovalNote = "");

/// <summary>The per-member 台账 over a date range: one row per (member, occurrence), ready to be written as a file.</summary>
public sealed record MemberLedger(DateOnly From, DateOnly To, IReadOnlyList<MemberLedgerRow> Rows)
{
    public static readonly IReadOnlyList<string> Columns = ["姓名", "活动", "类别", "时间", "答复", "请假原因", "审批人", "审批意见", "答复时间"];
}

public sealed record MemberLedgerRow(string MemberId, string Name, string Event, string Kind, string Time, DateTimeOffset StartUtc, string Answer, string Reason, string DecidedBy, string ApprovalNote, string AnsweredAt);
