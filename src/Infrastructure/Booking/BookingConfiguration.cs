using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketMaster.Events;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.Booking;

internal sealed class EventSeatConfiguration : IEntityTypeConfiguration<EventSeat>
{
    public void Configure(EntityTypeBuilder<EventSeat> seat)
    {
        seat.ToTable("event_seats");

        // The booking path locks rows by (event_id, seat_id IN …) in seat order: a primary-key
        // range, so InnoDB takes record locks only and never scans a neighbour's seats.
        seat.HasKey(s => new { s.EventId, s.SeatId });
        seat.Property(s => s.Status).HasConversion<byte>();
        seat.Property(s => s.Price).HasPrecision(10, 2);

        // Availability per event and per section (an expired hold counts as available), counted
        // from this covering index without touching the rows.
        seat.HasIndex(s => new { s.EventId, s.SectionId, s.Status, s.HoldExpiresAt });

        // The expiry job finds lapsed holds with a range scan on this index.
        seat.HasIndex(s => new { s.Status, s.HoldExpiresAt });
        seat.HasIndex(s => s.HoldId);

        seat.HasOne<Event>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        seat.HasOne<Seat>().WithMany().HasForeignKey(s => s.SeatId).OnDelete(DeleteBehavior.Restrict);
        seat.HasOne<Section>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HoldConfiguration : IEntityTypeConfiguration<Hold>
{
    public void Configure(EntityTypeBuilder<Hold> hold)
    {
        hold.Property(h => h.Id).ValueGeneratedNever();
        hold.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        hold.ComplexProperty(h => h.Total, Orders.MoneyColumns.Map);

        // "How many active holds does this buyer have on this event?"
        hold.HasIndex(h => new { h.UserId, h.EventId, h.Status });

        // The expiry job: active holds ordered by expiry.
        hold.HasIndex(h => new { h.Status, h.ExpiresAt });

        hold.HasOne<User>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Restrict);
        hold.HasOne<Event>().WithMany().HasForeignKey(h => h.EventId).OnDelete(DeleteBehavior.Restrict);
        hold.HasMany(h => h.Seats).WithOne().HasForeignKey(s => s.HoldId).OnDelete(DeleteBehavior.Cascade);
        hold.Navigation(h => h.Seats).HasField("_seats");
    }
}

internal sealed class HoldSeatConfiguration : IEntityTypeConfiguration<HoldSeat>
{
    public void Configure(EntityTypeBuilder<HoldSeat> seat)
    {
        seat.HasKey(s => new { s.HoldId, s.SeatId });
        seat.Property(s => s.Price).HasPrecision(10, 2);
        seat.HasIndex(s => new { s.EventId, s.SeatId });
        seat.HasOne<EventSeat>().WithMany().HasForeignKey(s => new { s.EventId, s.SeatId }).OnDelete(DeleteBehavior.Restrict);
    }
}
