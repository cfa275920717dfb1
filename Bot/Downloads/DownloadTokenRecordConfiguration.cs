using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.Downloads;

internal sealed class DownloadTokenRecordConfiguration : IEntityTypeConfiguration<DownloadTokenRecord>
{
    public void Configure(EntityTypeBuilder<DownloadTokenRecord> builder)
    {
        builder.ToTable("DownloadTokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Purpose).HasMaxLength(32);
        builder.Property(t => t.ObjectId).HasMaxLength(200);
        builder.Property(t => t.AdminAadObjectId).HasMaxLength(64);
        builder.HasIndex(t => t.ExpiresAt);
    }
}
