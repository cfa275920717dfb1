using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganBot.Bot.Delivery;

/// <summary>One live delivery worker: its heartbeat tells the others how many share the tenant's budget.</summary>
public sealed class DeliveryInstanceRecord
{
    public required string Id { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class DeliveryInstanceRecordConfiguration : IEntityTypeConfiguration<DeliveryInstanceRecord>
{
    public void Configure(EntityTypeBuilder<DeliveryInstanceRecord> builder)
    {
        builder.ToTable("DeliveryInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(64);
    }
}
