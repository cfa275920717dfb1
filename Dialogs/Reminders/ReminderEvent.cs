using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Reminders;

public enum ExceptionAction { Skip, Move }

/// <summary>An admin's change to one occurrence, named by its original local date.</summary>
public sealed record OccurrenceException(DateOnly OriginalDate, ExceptionAction Action, DateTime? NewLocalStart = null);

/// <summary>A recurring (or one-off) event and how its members are reminded.</summary>
public sealed record ReminderEvent
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>主题党日, 统一见面日, 人大机关开放日, 党课, 理论学习 or another kind; members mute by kind.</summary>
    public required string Kind { get; init; }

    public required Recurrence Recurrence { get; init; }
    public string TimeZoneId { get; init; } = TimeZones.Beijing;
    public string Location { get; init; } = "";
    public string Agenda { get; init; } = "";
    public Audience Audience { get; init; } = Audience.All;
    public IReadOnlyList<LeadTime> LeadTimes { get; init; } = LeadTime.Defaults;

    /// <summary>Id of a passage in <see cref="SpeechLinks"/>, quoted verbatim on the reminder card.</summary>
    public string? SpeechLinkId { get; init; }

    /// <summary>Move an occurrence that falls on a configured holiday to the next working day.</summary>
    public bool ShiftOnHolidays { get; init; }

    /// <summary>Members cannot mute a mandatory event.</summary>
    public bool Mandatory { get; init; }

    public bool Paused { get; init; }
    public IReadOnlyList<OccurrenceException> Exceptions { get; init; } = [];

    /// <summary>Leads that would have fired before this instant are not sent (they were never planned, not missed).</summary>
    public DateTimeOffset PlannedFrom { get; init; }

    public string CreatedBy { get; init; } = "";

    /// <summary>When the event was first saved: 出勤统计 and the 台账 never list an occurrence before it. Null for events saved before it was recorded.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>
    /// Who decides a 请假 (e.g. the branch secretary): card values <c>group:&lt;name&gt;</c> (a configured group) or
    /// <c>user:&lt;Entra object id&gt;</c>. Empty: a 请假 is only recorded, as before.
    /// </summary>
    public IReadOnlyList<string> Approvers { get; init; } = [];

    public TimeZoneInfo Zone => TimeZones.Find(TimeZoneId) ?? TimeZones.BeijingZone;

    /// <summary>False for an occurrence that started before the event was created (the rule reaches back, the event did not exist).</summary>
    public bool Existed(Occurrence occurrence) => CreatedAt is null || occurrence.StartUtc >= CreatedAt;
}

/// <summary>One concrete occurrence. <see cref="Key"/> stays the same when the occurrence is moved or shifted, so answers stay attached.</summary>
public sealed record Occurrence(string EventId, DateOnly OriginalDate, DateTime LocalStart, DateTimeOffset StartUtc, OccurrenceChange Change)
{
    public string Key => OccurrenceKeys.Make(EventId, OriginalDate);
}

public enum OccurrenceChange { None, Moved, HolidayShifted }

public static class OccurrenceKeys
{
    public static string Make(string eventId, DateOnly originalDate) => $"{eventId}:{originalDate:yyyyMMdd}";

    public static bool TryParse(string? key, out string eventId, out DateOnly originalDate)
    {
        eventId = "";
        originalDate = default;
        var colon = key?.LastIndexOf(':') ?? -1;
        if (key is null || colon <= 0 || key.Length - colon != 9) return false;
        eventId = key[..colon];
        return DateOnly.TryParseExact(key[(colon + 1)..], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out originalDate);
    }
}
