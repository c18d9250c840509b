using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Venues;

/// <summary>
/// Replaces a venue's seat map. Events keep the map they were created with: sections an event
/// uses are retired, not changed, so no inventory or ticket is ever invalidated; sections no
/// event uses are deleted. New events get the new map.
/// </summary>
public sealed class LayOutSeatMap(TicketMasterDbContext db, ISeatMapStore store, TimeProvider clock)
{
    public async Task<Venue> ExecuteAsync(int venueId, SeatMapPlan plan, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId, cancellationToken) ?? throw new VenueNotFoundException(venueId);
        plan.BuildOn(venue);

        var current = await db.Sections.Where(s => s.VenueId == venueId).Where(Section.IsCurrent).Select(s => s.Id).ToListAsync(cancellationToken);
        var used = await db.EventSectionPrices.Where(p => current.Contains(p.SectionId)).Select(p => p.SectionId).Distinct().ToListAsync(cancellationToken);
        await store.ReplaceAsync(db, venue, used, current.Except(used).ToList(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        return venue;
    }
}
