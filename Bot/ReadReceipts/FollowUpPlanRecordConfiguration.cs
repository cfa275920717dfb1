using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.ReadReceipts;

internal sealed class FollowUpPlanRecordConfiguration : IEntityTypeConfiguration<FollowUpPlanRecord>
{
    public void Configure(EntityTypeBuilder<FollowUpPlanRecord> builder)
    {
        builder.ToTable("FollowUpPlans");
        builder.HasKey(p => p.AnnouncementId);
        builder.Property(p => p.AnnouncementId).ValueGeneratedNever();
        builder.HasIndex(p => p.FiredAt);
    }
}
