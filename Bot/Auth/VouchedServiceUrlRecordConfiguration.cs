using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.Auth;

internal sealed class VouchedServiceUrlRecordConfiguration : IEntityTypeConfiguration<VouchedServiceUrlRecord>
{
    public void Configure(EntityTypeBuilder<VouchedServiceUrlRecord> builder)
    {
        builder.ToTable("VouchedServiceUrls");
        builder.HasKey(v => v.Url);
        builder.Property(v => v.Url).HasMaxLength(512);
    }
}
