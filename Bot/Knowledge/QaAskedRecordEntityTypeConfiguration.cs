using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.Knowledge;

internal sealed class QaAskedRecordEntityTypeConfiguration : IEntityTypeConfiguration<QaAskedRecord>
{
    public void Configure(EntityTypeBuilder<QaAskedRecord> builder)
    {
        builder.ToTable("QaAsked");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Month).HasMaxLength(7);
        builder.HasIndex(q => new { q.Month, q.Part });
    }
}
