using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganBot.Bot.Protocol;

namespace OrganBot.Bot.Storage.Configurations;

internal sealed class SeenActivityRecordEntityTypeConfiguration : IEntityTypeConfiguration<SeenActivityRecord>
{
    public void Configure(EntityTypeBuilder<SeenActivityRecord> builder)
    {
        builder.ToTable(SeenActivities.TableName);
        builder.HasKey(s => new { s.ConversationId, s.ActivityId });
        builder.Property(s => s.ConversationId).HasMaxLength(ActivityLimits.MaxConversationId);
        builder.Property(s => s.ActivityId).HasMaxLength(ActivityLimits.MaxActivityId);
        builder.HasIndex(s => s.SeenAt);
    }
}
