using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.Delivery;

internal sealed class DeliveryRecordConfiguration : IEntityTypeConfiguration<DeliveryRecord>
{
    public const string Table = "Deliveries";

    public void Configure(EntityTypeBuilder<DeliveryRecord> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.DedupKey).HasMaxLength(400);
        builder.HasIndex(d => d.DedupKey).IsUnique();
        builder.Property(d => d.BatchId).HasMaxLength(200);
        builder.HasIndex(d => d.BatchId);
        builder.Property(d => d.Category).HasMaxLength(32);
        builder.Property(d => d.TargetKind).HasMaxLength(16);
        // A protected target is Data Protection ciphertext, longer than any Teams id.
        builder.Property(d => d.TargetId).HasMaxLength(2048);
        builder.Property(d => d.TargetActivityId).HasMaxLength(512);

        // Updates of one activity are merged while pending and sent one at a time.
        builder.HasIndex(d => d.TargetActivityId);
        builder.Property(d => d.Operation).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ConversationId).HasMaxLength(512);
        builder.Property(d => d.ActivityId).HasMaxLength(512);
        builder.Property(d => d.Error).HasMaxLength(1000);
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        builder.HasIndex(d => new { d.State, d.LeaseUntil });

        // A read receipt marks the messages of one conversation up to a message id: one range scan.
        builder.HasIndex(d => new { d.ConversationId, d.MessageNumber });
    }
}
