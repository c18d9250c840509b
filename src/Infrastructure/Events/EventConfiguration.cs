using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketMaster.Performers;
using TicketMaster.Persistence;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.Events;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> @event)
    {
        @event.Property(e => e.Name).HasMaxLength(Event.MaxNameLength);
        @event.Property(e => e.Description).HasMaxLength(Event.MaxDescriptionLength);
        @event.Property(e => e.Category).HasConversion<string>().HasMaxLength(16);
        @event.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        @event.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        @event.Ignore(e => e.IsOnSale);

        // A wall clock has no offset: stored and read as it is, never shifted to UTC (ADR 0014).
        @event.Property(e => e.StartsAtLocal).HasConversion(new WallClockConverter());

        // Browsing is "upcoming events, optionally by category / venue / status", newest first.
        @event.HasIndex(e => e.StartsAt);
        @event.HasIndex(e => e.StartsAtLocal);
        @event.HasIndex(e => new { e.Category, e.StartsAt });
        @event.HasIndex(e => new { e.Status, e.StartsAt });
        @event.HasIndex(e => new { e.VenueId, e.StartsAt });
        @event.HasIndex(e => e.OrganizerId);

        @event.HasOne(e => e.Venue).WithMany().HasForeignKey(e => e.VenueId).OnDelete(DeleteBehavior.Restrict);
        @event.HasOne<User>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        @event.HasMany(e => e.Prices).WithOne(p => p.Event).HasForeignKey(p => p.EventId);
        @event.Navigation(e => e.Prices).HasField("_prices");
        @event.Navigation(e => e.Lineup).HasField("_lineup");
        @event.Navigation(e => e.Performers).HasField("_performers");
        @event.HasMany(e => e.Performers)
            .WithMany(p => p.Events)
            .UsingEntity<EventPerformer>(
                toPerformer => toPerformer.HasOne<Performer>().WithMany().HasForeignKey(ep => ep.PerformerId),
                toEvent => toEvent.HasOne<Event>().WithMany(e => e.Lineup).HasForeignKey(ep => ep.EventId),
                join =>
                {
                    join.HasKey(ep => new { ep.EventId, ep.PerformerId });
                    join.HasIndex(ep => ep.PerformerId);
                });
    }
}

internal sealed class EventSectionPriceConfiguration : IEntityTypeConfiguration<EventSectionPrice>
{
    public void Configure(EntityTypeBuilder<EventSectionPrice> price)
    {
        price.HasKey(p => new { p.EventId, p.SectionId });
        price.Property(p => p.Price).HasPrecision(10, 2);
        price.HasOne<Section>().WithMany().HasForeignKey(p => p.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
