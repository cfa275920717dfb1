namespace OrganBot.Dialogs.Reminders;

public enum RsvpAnswer { Attend, Leave }

public sealed record Rsvp(string OccurrenceKey, string EventId, string MemberId, string? MemberName, RsvpAnswer Answer, string? Reason, DateTimeOffset UpdatedAt);

/// <summary>What happened to one (occurrence, lead time): sent to N recipients, or skipped and why.</summary>
public sealed record DispatchRecord(string DispatchKey, string EventId, string OccurrenceKey, string LeadKey, string Outcome, int Recipients, DateTimeOffset At);

/// <summary>Someone a reminder goes to: a member's 1:1 chat, or a channel conversation.</summary>
public sealed record ReminderRecipient(string Id, string? Name, string? AadObjectId, string? TimeZone, string? Locale, bool IsConversation = false);

/// <summary>An audience an admin can pick on the card.</summary>
public sealed record AudienceChoice(Audience Audience, string Title);

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

/// <summary>Who an audience is, from the conversation directory and the configured groups.</summary>
public interface IReminderAudience
{
    /// <summary>Where the reminder is sent: members' 1:1 chats, or the one channel conversation.</summary>
    Task<IReadOnlyList<ReminderRecipient>> ResolveRecipientsAsync(Audience audience, CancellationToken cancellationToken);

    /// <summary>The people expected to answer (for a channel: the members of its team).</summary>
    Task<IReadOnlyList<ReminderRecipient>> ResolveMembersAsync(Audience audience, CancellationToken cancellationToken);

    /// <summary>Whether the member, answering from <paramref name="conversationId"/>, is one of the people the event is for.</summary>
    Task<bool> IncludesAsync(Audience audience, string memberId, string conversationId, CancellationToken cancellationToken);

    Task<ReminderRecipient?> FindMemberAsync(string memberId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AudienceChoice>> ListChoicesAsync(CancellationToken cancellationToken);
}

/// <summary>Wakes the dispatcher for an event at a given instant (Quartz in the host); null removes the wake-up.</summary>
public interface IReminderScheduler
{
    Task ScheduleAsync(string eventId, DateTimeOffset? fireAtUtc, CancellationToken cancellationToken);
}

/// <summary>
/// Download links for the attendance 台账 (host: the admins' one-time export token also used by 导出反馈; the CSV file
/// itself is written in the host).
/// </summary>
public interface IAttendanceLedgerLinks
{
    Task<LedgerLink> CreateAsync(string adminAadObjectId, string occurrenceKey, CancellationToken cancellationToken);
}

public sealed record LedgerLink(Uri Url, TimeSpan Lifetime);

/// <summary>The 台账 of one occurrence, ready to be written as a file: one row per expected member, then failed deliveries to others.</summary>
public sealed record AttendanceLedger(string EventTitle, string Time, IReadOnlyList<AttendanceLedgerRow> Rows)
{
    public static readonly IReadOnlyList<string> Columns = ["活动", "时间", "姓名", "答复", "请假原因", "答复时间", "送达情况"];
}

public sealed record AttendanceLedgerRow(string Name, string Answer, string Reason, string AnsweredAt, string Delivery);
