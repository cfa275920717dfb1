using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Reminders;

/// <summary>EF Core implementation of the reminders' store port.</summary>
internal sealed partial class EfReminderStore(BotDbContext db, ICronEvaluator cron, ILogger<EfReminderStore> logger) : IReminderStore
{
    public async Task<IReadOnlyList<ReminderEvent>> ListEventsAsync(CancellationToken cancellationToken)
    {
        var records = await db.Set<ReminderEventRecord>().AsNoTracking().OrderBy(e => e.Title).ToListAsync(cancellationToken);
        var exceptions = (await db.Set<ReminderExceptionRecord>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(x => x.EventId);
        return [.. records.Select(r => ToDomain(r, exceptions[r.Id])).OfType<ReminderEvent>()];
    }

    public async Task<ReminderEvent?> FindEventAsync(string eventId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(eventId) || eventId.Length > 32) return null;
        var record = await db.Set<ReminderEventRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (record is null) return null;
        var exceptions = await db.Set<ReminderExceptionRecord>().AsNoTracking().Where(x => x.EventId == eventId).ToListAsync(cancellationToken);
        return ToDomain(record, exceptions);
    }

    public async Task SaveEventAsync(ReminderEvent ev, CancellationToken cancellationToken)
    {
        var record = await db.Set<ReminderEventRecord>().FirstOrDefaultAsync(e => e.Id == ev.Id, cancellationToken);
        if (record is null)
        {
            record = new ReminderEventRecord { Id = ev.Id, Title = "", Kind = "", Recurrence = "", TimeZoneId = "", AudienceKind = "", LeadTimes = "" };
            record.CreatedAt = (ev.CreatedAt ?? ev.PlannedFrom).ToUniversalTime();
            db.Add(record);
        }

        record.Title = ev.Title;
        record.Kind = ev.Kind;
        record.Recurrence = ev.Recurrence.Text;
        record.TimeZoneId = ev.TimeZoneId;
        record.Location = ev.Location;
        record.Agenda = ev.Agenda;
        record.AudienceKind = ev.Audience.Kind.ToString();
        record.AudienceValue = ev.Audience.Key ?? "";
        record.LeadTimes = LeadTime.FormatList(ev.LeadTimes);
        record.SpeechLinkId = ev.SpeechLinkId;
        record.ShiftOnHolidays = ev.ShiftOnHolidays;
        record.Mandatory = ev.Mandatory;
        record.Paused = ev.Paused;
        record.PlannedFrom = ev.PlannedFrom.ToUniversalTime();
        record.CreatedBy = ev.CreatedBy;
        record.UpdatedAt = ev.PlannedFrom.ToUniversalTime();
        record.Approvers = string.Join('\n', ev.Approvers);

        var old = await db.Set<ReminderExceptionRecord>().Where(x => x.EventId == ev.Id).ToListAsync(cancellationToken);
        db.RemoveRange(old);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var x in ev.Exceptions)
        {
            db.Add(new ReminderExceptionRecord
            {
                EventId = ev.Id,
                OriginalDate = x.OriginalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Action = x.Action == ExceptionAction.Skip ? "skip" : "move",
                NewLocalStart = x.NewLocalStart?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteEventAsync(string eventId, CancellationToken cancellationToken)
    {
        await db.Set<ReminderExceptionRecord>().Where(x => x.EventId == eventId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReminderEventRecord>().Where(x => x.Id == eventId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> GetDispatchKeysAsync(string eventId, IReadOnlyCollection<string> occurrenceKeys, CancellationToken cancellationToken) =>
        (await db.Set<ReminderDispatchRecord>().AsNoTracking()
            .Where(d => d.EventId == eventId && occurrenceKeys.Contains(d.OccurrenceKey))
            .Select(d => d.DispatchKey).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>
    /// One atomic <c>INSERT … ON CONFLICT (DispatchKey) DO NOTHING</c> (SQLite and PostgreSQL): two instances recording
    /// the same dispatch is the normal race, so the loser learns it from the row count instead of a constraint error
    /// (which EF would log at Error level).
    /// </summary>
    public async Task<bool> TryRecordDispatchAsync(DispatchRecord record, CancellationToken cancellationToken)
    {
        var row = new ReminderDispatchRecord
        {
            DispatchKey = record.DispatchKey,
            EventId = record.EventId,
            OccurrenceKey = record.OccurrenceKey,
            LeadKey = record.LeadKey,
            Outcome = record.Outcome,
            Recipients = record.Recipients,
            At = record.At.ToUniversalTime(),
        };
        var entity = db.Model.FindEntityType(typeof(ReminderDispatchRecord))!;
        var properties = entity.GetProperties().ToList();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = properties.Select((p, i) =>
        {
            var parameter = factory.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            var value = p.PropertyInfo!.GetValue(row);
            var converter = p.GetValueConverter() ?? p.GetTypeMapping().Converter;
            parameter.Value = value is null ? DBNull.Value : (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            return (object)parameter;
        }).ToList();
        var sql = $"INSERT INTO {Quote(entity.GetTableName()!)} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName())))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))}) " +
            $"ON CONFLICT ({Quote(key.GetColumnName())}) DO NOTHING";
        if (await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken) == 1) return true;
        LogDuplicateDispatch(logger, record.DispatchKey);
        return false;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async Task<IReadOnlyList<DispatchRecord>> ListDispatchesAsync(string occurrenceKey, CancellationToken cancellationToken) =>
        [.. (await db.Set<ReminderDispatchRecord>().AsNoTracking().Where(d => d.OccurrenceKey == occurrenceKey).ToListAsync(cancellationToken))
            .Select(d => new DispatchRecord(d.DispatchKey, d.EventId, d.OccurrenceKey, d.LeadKey, d.Outcome, d.Recipients, d.At))];

    public async Task<Rsvp?> FindRsvpAsync(string occurrenceKey, string memberId, CancellationToken cancellationToken)
    {
        var r = await db.Set<ReminderRsvpRecord>().AsNoTracking().FirstOrDefaultAsync(x => x.OccurrenceKey == occurrenceKey && x.MemberId == memberId, cancellationToken);
        return r is null ? null : ToDomain(r);
    }

    public async Task SaveRsvpAsync(Rsvp rsvp, CancellationToken cancellationToken)
    {
        var r = await db.Set<ReminderRsvpRecord>().FirstOrDefaultAsync(x => x.OccurrenceKey == rsvp.OccurrenceKey && x.MemberId == rsvp.MemberId, cancellationToken);
        if (r is null)
        {
            r = new ReminderRsvpRecord { OccurrenceKey = rsvp.OccurrenceKey, MemberId = rsvp.MemberId, EventId = rsvp.EventId, Answer = "" };
            db.Add(r);
        }

        r.MemberName = rsvp.MemberName;
        r.Answer = rsvp.Answer == RsvpAnswer.Attend ? "attend" : "leave";
        r.Reason = rsvp.Reason;
        r.UpdatedAt = rsvp.UpdatedAt.ToUniversalTime();
        r.Approval = rsvp.Approval switch { LeaveApproval.Pending => "pending", LeaveApproval.Approved => "approved", LeaveApproval.Rejected => "rejected", _ => null };
        r.ApprovalNote = rsvp.ApprovalNote;
        r.DecidedBy = rsvp.DecidedBy;
        r.DecidedAt = rsvp.DecidedAt?.ToUniversalTime();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Rsvp>> ListRsvpsAsync(string occurrenceKey, CancellationToken cancellationToken) =>
        [.. (await db.Set<ReminderRsvpRecord>().AsNoTracking().Where(x => x.OccurrenceKey == occurrenceKey).ToListAsync(cancellationToken)).Select(ToDomain)];

    public async Task<IReadOnlyList<Rsvp>> ListEventRsvpsAsync(string eventId, CancellationToken cancellationToken) =>
        [.. (await db.Set<ReminderRsvpRecord>().AsNoTracking().Where(x => x.EventId == eventId).ToListAsync(cancellationToken)).Select(ToDomain)];

    public async Task<IReadOnlySet<string>> GetMutedKindsAsync(string memberId, CancellationToken cancellationToken) =>
        (await db.Set<ReminderMuteRecord>().AsNoTracking().Where(m => m.MemberId == memberId).Select(m => m.Kind).ToListAsync(cancellationToken)).ToHashSet();

    public async Task<IReadOnlySet<string>> GetMembersMutingAsync(string kind, CancellationToken cancellationToken) =>
        (await db.Set<ReminderMuteRecord>().AsNoTracking().Where(m => m.Kind == kind).Select(m => m.MemberId).ToListAsync(cancellationToken)).ToHashSet();

    public async Task SetMutedAsync(string memberId, string kind, bool muted, CancellationToken cancellationToken)
    {
        var existing = await db.Set<ReminderMuteRecord>().FirstOrDefaultAsync(m => m.MemberId == memberId && m.Kind == kind, cancellationToken);
        if (muted && existing is null) db.Add(new ReminderMuteRecord { MemberId = memberId, Kind = kind, MutedAt = DateTimeOffset.UnixEpoch });
        if (!muted && existing is not null) db.Remove(existing);
        await db.SaveChangesAsync(cancellationToken);
    }

    private ReminderEvent? ToDomain(ReminderEventRecord r, IEnumerable<ReminderExceptionRecord> exceptions)
    {
        var (recurrence, error) = RecurrenceParser.Parse(r.Recurrence, cron);
        if (recurrence is null)
        {
            LogUnreadable(logger, r.Id, error?.English);
            return null;
        }

        return new ReminderEvent
        {
            Id = r.Id,
            Title = r.Title,
            Kind = r.Kind,
            Recurrence = recurrence,
            TimeZoneId = r.TimeZoneId,
            Location = r.Location,
            Agenda = r.Agenda,
            Audience = new Audience(Enum.TryParse<AudienceKind>(r.AudienceKind, out var kind) ? kind : AudienceKind.AllMembers, r.AudienceValue.Length == 0 ? null : r.AudienceValue),
            LeadTimes = LeadTime.ParseList(r.LeadTimes).Value ?? LeadTime.Defaults,
            SpeechLinkId = r.SpeechLinkId,
            ShiftOnHolidays = r.ShiftOnHolidays,
            Mandatory = r.Mandatory,
            Paused = r.Paused,
            PlannedFrom = r.PlannedFrom,
            CreatedBy = r.CreatedBy,
            CreatedAt = r.CreatedAt,
            Approvers = r.Approvers.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Exceptions = [.. exceptions.Select(x => new OccurrenceException(
                DateOnly.ParseExact(x.OriginalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                x.Action == "skip" ? ExceptionAction.Skip : ExceptionAction.Move,
                x.NewLocalStart is null ? null : DateTime.ParseExact(x.NewLocalStart, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))],
        };
    }

    private static Rsvp ToDomain(ReminderRsvpRecord r) =>
        new(r.OccurrenceKey, r.EventId, r.MemberId, r.MemberName, r.Answer == "attend" ? RsvpAnswer.Attend : RsvpAnswer.Leave, r.Reason, r.UpdatedAt,
            r.Approval switch { "pending" => LeaveApproval.Pending, "approved" => LeaveApproval.Approved, "rejected" => LeaveApproval.Rejected, _ => LeaveApproval.None },
            r.ApprovalNote, r.DecidedBy, r.DecidedAt);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "Dispatch {DispatchKey} was already recorded by another run")]
    private static partial void LogDuplicateDispatch(ILogger logger, string dispatchKey);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Error, Message = "Stored reminder event {EventId} has an unreadable recurrence: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string eventId, string? error);
}
