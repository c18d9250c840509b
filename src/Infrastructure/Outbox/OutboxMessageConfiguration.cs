using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TicketMaster.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("outbox_messages");
        message.Property(m => m.Id).ValueGeneratedOnAdd();
        message.Property(m => m.Type).HasMaxLength(64);
        message.Property(m => m.AggregateId).HasMaxLength(64);
        message.HasIndex(m => m.CreatedAt);
    }
}
