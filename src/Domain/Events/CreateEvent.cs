using Microsoft.EntityFrameworkCore;
using TicketMaster.Performers;
using TicketMaster.Persistence;
using TicketMaster.Venues;

namespace TicketMaster.Events;

/// <summary>
/// An organizer drafts an event at a venue: the event, its price tiers, line-up and an inventory
/// row per seat of the venue's current map, in one transaction (the inventory in bulk).
/// </summary>
public sealed class CreateEvent(TicketMasterDbContext db, ISeatMapStore store, TimeProvider clock)
{
    public Task<Event> ExecuteAsync(int organizerId, EventDraft draft, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            // The sections as entities (prices name them), the seats as keys only: tracking 20,000 seat
            // entities cost more than writing their inventory.
            var venue = await db.Venues.Include(v => v.Sections.Where(s => s.RetiredAt == null))
                .SingleOrDefaultAsync(v => v.Id == draft.VenueId, token) ?? throw new VenueNotFoundException(draft.VenueId);
            var sectionIds = venue.CurrentSections.Select(s => s.Id).ToList();
            var seats = await db.Seats.AsNoTracking().Where(s => sectionIds.Contains(s.SectionId)).OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.SectionId }).ToListAsync(token);
            if (!venue.CurrentSections.Any())
            {
                throw new VenueWithoutSeatMapException(venue.Id);
            }

            await EventLineup.CheckExistAsync(db, draft.PerformerIds, token);
            var startsAt = VenueLocalTime.ToUtc(draft.StartsAt, venue.TimeZone, "startsAt")!.Value;
            var show = Event.Schedule(
                draft.Name, draft.Description ?? "", draft.Category, startsAt, venue, organizerId, draft.Currency,
                draft.Prices.ToDictionary(p => p.SectionId, p => p.Price), draft.PerformerIds, now);
            show.Arrange(
                VenueLocalTime.ToUtc(draft.EndsAt, venue.TimeZone, "endsAt"), VenueLocalTime.ToUtc(draft.DoorsAt, venue.TimeZone, "doorsAt"),
                VenueLocalTime.ToUtc(draft.OnSaleAt, venue.TimeZone, "onSaleAt"), draft.MaxTicketsPerOrder, draft.MaxTicketsPerAccount);

            await using var transaction = await db.Database.BeginTransactionAsync(token);
            db.Events.Add(show);
            await db.SaveChangesAsync(token);
            await store.InsertInventoryAsync(db, show.CreateInventory(seats.Select(s => (s.Id, s.SectionId))), token);
            await transaction.CommitAsync(token);
            return show;
        }, cancellationToken);
}

/// <summary>What an organizer gives to draft an event; times are the venue's wall clock (<see cref="VenueLocalTime"/>).</summary>
public sealed record EventDraft(
    int VenueId,
    string Name,
    string? Description,
    EventCategory Category,
    string StartsAt,
    string? EndsAt,
    string? DoorsAt,
    string? OnSaleAt,
    string Currency,
    IReadOnlyList<SectionPrice> Prices,
    IReadOnlyList<int> PerformerIds,
    int? MaxTicketsPerOrder,
    int? MaxTicketsPerAccount);

/// <summary>One price tier: every seat of a section costs this, in the event's currency.</summary>
public sealed record SectionPrice(int SectionId, decimal Price);

internal static class EventLineup
{
    public static async Task CheckExistAsync(TicketMasterDbContext db, IReadOnlyList<int> performerIds, CancellationToken cancellationToken)
    {
        var known = await db.Performers.Where(p => performerIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (performerIds.FirstOrDefault(id => !known.Contains(id)) is var missing and not 0)
        {
            throw new PerformerNotFoundException(missing);
        }
    }
}
