using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.Reminders;

/// <summary>An event as stored: rule texts are parsed back by the Dialogs parsers.</summary>
public sealed class ReminderEventRecord
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required string Kind { get; set; }
    public required string Recurrence { get; set; }
    public required string TimeZoneId { get; set; }
    public string Location { get; set; } = "";
    public string Agenda { get; set; } = "";
    public required string AudienceKind { get; set; }
    public string AudienceValue { get; set; } = "";
    public required string LeadTimes { get; set; }
    public string? SpeechLinkId { get; set; }
    public bool ShiftOnHolidays { get; set; }
    public bool Mandatory { get; set; }
    public bool Paused { get; set; }
    public DateTimeOffset PlannedFrom { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>First save; null for rows written before it was recorded.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Leave approvers, card values joined by newlines (group:…, user:…); empty when none.</summary>
    public string Approvers { get; set; } = "";
}

/// <summary>A skip or move of one occurrence, by its original local date (yyyy-MM-dd).</summary>
public sealed class ReminderExceptionRecord
{
    public required string EventId { get; set; }
    public required string OriginalDate { get; set; }
    public required string Action { get; set; }

    /// <summary>yyyy-MM-dd HH:mm in the event's zone, for a move.</summary>
    public string? NewLocalStart { get; set; }
}

public sealed class ReminderRsvpRecord
{
    public required string OccurrenceKey { get; set; }
    public required string MemberId { get; set; }
    public required string EventId { get; set; }
    public string? MemberName { get; set; }
    public required string Answer { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>pending | approved | rejected for a 请假 of an event with approvers; null otherwise.</summary>
    public string? Approval { get; set; }
    public string? ApprovalNote { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public sealed class ReminderMuteRecord
{
    public required string MemberId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset MutedAt { get; set; }
}

/// <summary>One (occurrence, lead time) handled: sent or skipped. The key makes it happen once.</summary>
public sealed class ReminderDispatchRecord
{
    public required string DispatchKey { get; set; }
    public required string EventId { get; set; }
    public required string OccurrenceKey { get; set; }
    public required string LeadKey { get; set; }
    public required string Outcome { get; set; }
    public int Recipients { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class ReminderEventRecordConfiguration : IEntityTypeConfiguration<ReminderEventRecord>
{
    public void Configure(EntityTypeBuilder<ReminderEventRecord> builder)
    {
        builder.ToTable("ReminderEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(32);
        builder.Property(e => e.Title).HasMaxLength(60);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Recurrence).HasMaxLength(200);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.Property(e => e.Location).HasMaxLength(100);
        builder.Property(e => e.Agenda).HasMaxLength(1000);
        builder.Property(e => e.AudienceKind).HasMaxLength(16);
        builder.Property(e => e.AudienceValue).HasMaxLength(512);
        builder.Property(e => e.LeadTimes).HasMaxLength(200);
        builder.Property(e => e.SpeechLinkId).HasMaxLength(64);
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.Property(e => e.Approvers).HasMaxLength(1024);
    }
}

internal sealed class ReminderExceptionRecordConfiguration : IEntityTypeConfiguration<ReminderExceptionRecord>
{
    public void Configure(EntityTypeBuilder<ReminderExceptionRecord> builder)
    {
        builder.ToTable("ReminderExceptions");
        builder.HasKey(e => new { e.EventId, e.OriginalDate });
        builder.Property(e => e.EventId).HasMaxLength(32);
        builder.Property(e => e.OriginalDate).HasMaxLength(10);
        builder.Property(e => e.Action).HasMaxLength(8);
        builder.Property(e => e.NewLocalStart).HasMaxLength(16);
    }
}

internal sealed class ReminderRsvpRecordConfiguration : IEntityTypeConfiguration<ReminderRsvpRecord>
{
    public void Configure(EntityTypeBuilder<ReminderRsvpRecord> builder)
    {
        builder.ToTable("ReminderRsvps");
        builder.HasKey(r => new { r.OccurrenceKey, r.MemberId });
        builder.Property(r => r.OccurrenceKey).HasMaxLength(48);
        builder.Property(r => r.MemberId).HasMaxLength(256);
        builder.Property(r => r.EventId).HasMaxLength(32);
        builder.Property(r => r.Answer).HasMaxLength(8);
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.Property(r => r.Approval).HasMaxLength(16);
        builder.Property(r => r.ApprovalNote).HasMaxLength(200);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.HasIndex(r => r.EventId);
    }
}

internal sealed class ReminderMuteRecordConfiguration : IEntityTypeConfiguration<ReminderMuteRecord>
{
    public void Configure(EntityTypeBuilder<ReminderMuteRecord> builder)
    {
        builder.ToTable("ReminderMutes");
        builder.HasKey(m => new { m.MemberId, m.Kind });
        builder.Property(m => m.MemberId).HasMaxLength(256);
        builder.Property(m => m.Kind).HasMaxLength(32);
        builder.HasIndex(m => m.Kind);
    }
}

internal sealed class ReminderDispatchRecordConfiguration : IEntityTypeConfiguration<ReminderDispatchRecord>
{
    public void Configure(EntityTypeBuilder<ReminderDispatchRecord> builder)
    {
        builder.ToTable("ReminderDispatches");
        builder.HasKey(d => d.DispatchKey);
        builder.Property(d => d.DispatchKey).HasMaxLength(96);
        builder.Property(d => d.EventId).HasMaxLength(32);
        builder.Property(d => d.OccurrenceKey).HasMaxLength(48);
        builder.Property(d => d.LeadKey).HasMaxLength(32);
        builder.Property(d => d.Outcome).HasMaxLength(32);
        builder.HasIndex(d => new { d.EventId, d.OccurrenceKey });
    }
}
