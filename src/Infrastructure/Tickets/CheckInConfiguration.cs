using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketMaster.Events;
using TicketMaster.Orders;
using TicketMaster.Users;

namespace TicketMaster.Tickets;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> checkIn)
    {
        checkIn.Property(c => c.Id).ValueGeneratedNever();
        checkIn.Property(c => c.Gate).HasMaxLength(CheckIn.MaxGateLength);

        // The door's rule: one admission per ticket, decided by the database when two gates race.
        checkIn.HasIndex(c => c.TicketId).IsUnique();

        // Entry progress and the check-in list read one event's check-ins.
        checkIn.HasIndex(c => new { c.EventId, c.Gate });
        checkIn.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Restrict);
        checkIn.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Restrict);
        checkIn.HasOne<User>().WithMany().HasForeignKey(c => c.ScannedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
