using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketMaster.Users;

namespace TicketMaster.Venues;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> venue)
    {
        venue.Property(v => v.Name).HasMaxLength(200);
        venue.Property(v => v.Address).HasMaxLength(300);
        venue.Property(v => v.City).HasMaxLength(100);
        venue.Property(v => v.Country).HasMaxLength(2).IsFixedLength();
        venue.Property(v => v.TimeZone).HasMaxLength(64);
        venue.Ignore(v => v.Capacity);
        venue.Ignore(v => v.CurrentSections);
        venue.HasIndex(v => v.City);
        venue.HasIndex(v => v.Name);
        venue.HasOne<User>().WithMany().HasForeignKey(v => v.ManagerId).OnDelete(DeleteBehavior.SetNull);
        venue.HasMany(v => v.Sections).WithOne(s => s.Venue).HasForeignKey(s => s.VenueId);
        venue.Navigation(v => v.Sections).HasField("_sections");
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> section)
    {
        section.Property(s => s.Name).HasMaxLength(100);
        section.Ignore(s => s.Capacity);
        // With RetiredAt: a retired section keeps its name beside the current map's section of that name.
        section.HasIndex(s => new { s.VenueId, s.Name, s.RetiredAt }).IsUnique();
        section.HasMany(s => s.Rows).WithOne(r => r.Section).HasForeignKey(r => r.SectionId);
        section.Navigation(s => s.Rows).HasField("_rows");
    }
}

internal sealed class SeatRowConfiguration : IEntityTypeConfiguration<SeatRow>
{
    public void Configure(EntityTypeBuilder<SeatRow> row)
    {
        row.Property(r => r.Label).HasMaxLength(10);
        row.HasIndex(r => new { r.SectionId, r.Label }).IsUnique();
        row.HasMany(r => r.Seats).WithOne(s => s.Row).HasForeignKey(s => s.RowId);
        row.Navigation(r => r.Seats).HasField("_seats");
    }
}

internal sealed class SeatConfiguration : IEntityTypeConfiguration<Seat>
{
    public void Configure(EntityTypeBuilder<Seat> seat)
    {
        seat.Property(s => s.Label).HasMaxLength(10);
        seat.HasIndex(s => new { s.RowId, s.Number }).IsUnique();
        seat.HasIndex(s => s.SectionId);
        seat.HasOne(s => s.Section).WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
