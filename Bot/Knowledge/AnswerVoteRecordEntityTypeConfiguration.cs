using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.Knowledge;

internal sealed class AnswerVoteRecordEntityTypeConfiguration : IEntityTypeConfiguration<AnswerVoteRecord>
{
    public void Configure(EntityTypeBuilder<AnswerVoteRecord> builder)
    {
        builder.ToTable("AnswerVotes");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.AnswerId).HasMaxLength(16);
        builder.Property(v => v.UserKey).HasMaxLength(256);
        builder.Property(v => v.Question).HasMaxLength(400);
        builder.Property(v => v.Label).HasMaxLength(200);
        builder.HasIndex(v => new { v.AnswerId, v.UserKey }).IsUnique();
    }
}
