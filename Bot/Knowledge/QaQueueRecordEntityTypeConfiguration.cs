using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.Knowledge;

internal sealed class QaQueueRecordEntityTypeConfiguration : IEntityTypeConfiguration<QaQueueRecord>
{
    public void Configure(EntityTypeBuilder<QaQueueRecord> builder)
    {
        builder.ToTable("QaQueue");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Question).HasMaxLength(400);
        builder.Property(q => q.QuestionKey).HasMaxLength(400);
        builder.Property(q => q.Reason).HasMaxLength(16);
        builder.Property(q => q.AskerUserId).HasMaxLength(256);
        builder.Property(q => q.AskerKey).HasMaxLength(256);
        builder.Property(q => q.Language).HasMaxLength(8);
        builder.Property(q => q.Status).HasMaxLength(16);
        builder.Property(q => q.SentenceIds).HasMaxLength(200);
        builder.Property(q => q.ResolvedBy).HasMaxLength(256);
        builder.HasIndex(q => new { q.Status, q.QuestionKey });
    }
}
