using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.Feedback;

internal sealed class FeedbackTicketRecordConfiguration : IEntityTypeConfiguration<FeedbackTicketRecord>
{
    public void Configure(EntityTypeBuilder<FeedbackTicketRecord> builder)
    {
        builder.ToTable("FeedbackTickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Number).HasMaxLength(16);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => new { t.Year, t.Sequence }).IsUnique();
        builder.Property(t => t.Category).HasMaxLength(32);
        builder.Property(t => t.Content).HasMaxLength(4000);
        builder.Property(t => t.MemberName).HasMaxLength(256);
        builder.Property(t => t.MemberAadObjectId).HasMaxLength(64);
        builder.Property(t => t.OwnerHash).HasMaxLength(64);
        builder.HasIndex(t => t.OwnerHash);
        builder.Property(t => t.ReplyAddress).HasMaxLength(2048);
        builder.Property(t => t.Contact).HasMaxLength(32);
        builder.Property(t => t.ContactDetail).HasMaxLength(200);
        builder.Property(t => t.Status).HasMaxLength(32);
        builder.HasIndex(t => t.Status);
        builder.Property(t => t.Unit).HasMaxLength(32);
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Rating).HasMaxLength(32);
        builder.Property(t => t.RatingComment).HasMaxLength(1000);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class FeedbackHistoryRecordConfiguration : IEntityTypeConfiguration<FeedbackHistoryRecord>
{
    public void Configure(EntityTypeBuilder<FeedbackHistoryRecord> builder)
    {
        builder.ToTable("FeedbackHistory");
        builder.HasKey(h => h.Id);
        builder.HasIndex(h => h.TicketId);
        builder.Property(h => h.Actor).HasMaxLength(256);
        builder.Property(h => h.ActorAadObjectId).HasMaxLength(64);
        builder.Property(h => h.Action).HasMaxLength(32);
        builder.Property(h => h.Detail).HasMaxLength(4000);
        builder.HasOne<FeedbackTicketRecord>().WithMany().HasForeignKey(h => h.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackReplyRecordConfiguration : IEntityTypeConfiguration<FeedbackReplyRecord>
{
    public void Configure(EntityTypeBuilder<FeedbackReplyRecord> builder)
    {
        builder.ToTable("FeedbackReplies");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.TicketId);
        builder.Property(r => r.AdminName).HasMaxLength(256);
        builder.Property(r => r.AdminAadObjectId).HasMaxLength(64);
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.HasOne<FeedbackTicketRecord>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackAdminCardRecordConfiguration : IEntityTypeConfiguration<FeedbackAdminCardRecord>
{
    public void Configure(EntityTypeBuilder<FeedbackAdminCardRecord> builder)
    {
        builder.ToTable("FeedbackAdminCards");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.TicketId);
        builder.Property(c => c.ConversationId).HasMaxLength(512);
        builder.Property(c => c.ActivityId).HasMaxLength(256);
        builder.Property(c => c.Language).HasMaxLength(16);
        builder.HasOne<FeedbackTicketRecord>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackCounterRecordConfiguration : IEntityTypeConfiguration<FeedbackCounterRecord>
{
    public void Configure(EntityTypeBuilder<FeedbackCounterRecord> builder)
    {
        builder.ToTable("FeedbackCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}

internal sealed class FeedbackSettingRecordConfiguration : IEntityTypeConfiguration<FeedbackSettingRecord>
{
    public void Configure(EntityTypeBuilder<FeedbackSettingRecord> builder)
    {
        builder.ToTable("FeedbackSettings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(4096);
    }
}

internal sealed class DialogStateRecordConfiguration : IEntityTypeConfiguration<DialogStateRecord>
{
    public void Configure(EntityTypeBuilder<DialogStateRecord> builder)
    {
        builder.ToTable("DialogStates");
        builder.HasKey(d => new { d.UserId, d.ConversationId, d.DialogName });
        builder.Property(d => d.UserId).HasMaxLength(256);
        builder.Property(d => d.ConversationId).HasMaxLength(512);
        builder.Property(d => d.DialogName).HasMaxLength(64);
        builder.Property(d => d.Step).HasMaxLength(64);
        builder.Property(d => d.CardInstanceId).HasMaxLength(64);
    }
}
