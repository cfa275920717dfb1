using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Announcements;

/// <summary>An announcement row; its deliveries live in the outbox under batch "ann:{Id}".</summary>
public sealed class AnnouncementRecord
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? ImageUrl { get; set; }
    public required string LinksJson { get; set; }
    public AudienceKind AudienceKind { get; set; }
    public string? AudienceKey { get; set; }
    public string? AudienceLabel { get; set; }
    public AnnouncementState State { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public required string AuthorAadObjectId { get; set; }
    public string? AuthorName { get; set; }
    public string? ApproverAadObjectId { get; set; }
    public string? ControlConversationId { get; set; }
    public string? ControlActivityId { get; set; }
    public int Revision { get; set; }

    /// <summary>An edit waiting for a second admin's approval (the content as JSON), or null.</summary>
    public string? PendingEditJson { get; set; }
    public int RecipientCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

internal sealed class AnnouncementRecordConfiguration : IEntityTypeConfiguration<AnnouncementRecord>
{
    public void Configure(EntityTypeBuilder<AnnouncementRecord> builder)
    {
        builder.ToTable("Announcements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.AudienceKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.AudienceKey).HasMaxLength(512);
        builder.Property(a => a.AuthorAadObjectId).HasMaxLength(64);
        builder.Property(a => a.ControlConversationId).HasMaxLength(512);
        builder.Property(a => a.ControlActivityId).HasMaxLength(512);
        builder.HasIndex(a => new { a.State, a.ScheduledAt });
    }
}
