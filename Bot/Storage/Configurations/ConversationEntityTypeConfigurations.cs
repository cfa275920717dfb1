using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.Storage.Configurations;

internal sealed class ConversationRecordEntityTypeConfiguration : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> builder)
    {
        builder.ToTable("Conversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(512);
        builder.Property(c => c.ServiceUrl).HasMaxLength(512);
        builder.Property(c => c.ChannelId).HasMaxLength(64);
        builder.Property(c => c.ConversationType).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(ConversationDirectory.MaxNameLength);
        builder.HasIndex(c => c.TeamId);
        builder.HasIndex(c => c.UserId);
    }
}

internal sealed class MemberRecordEntityTypeConfiguration : IEntityTypeConfiguration<MemberRecord>
{
    public void Configure(EntityTypeBuilder<MemberRecord> builder)
    {
        builder.ToTable("Members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(256);
        builder.Property(m => m.AadObjectId).HasMaxLength(64);
        builder.Property(m => m.PreferredLanguage).HasMaxLength(8);
        builder.Property(m => m.LastLanguage).HasMaxLength(8);
        builder.HasIndex(m => m.AadObjectId);
    }
}

internal sealed class TeamMemberRecordEntityTypeConfiguration : IEntityTypeConfiguration<TeamMemberRecord>
{
    public void Configure(EntityTypeBuilder<TeamMemberRecord> builder)
    {
        builder.ToTable("TeamMembers");
        builder.HasKey(t => new { t.TeamId, t.MemberId });
        builder.HasIndex(t => t.MemberId);
    }
}
