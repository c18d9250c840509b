using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Venues;

/// <summary>The venue's manager corrects its details; fields left null keep their value.</summary>
public sealed class UpdateVenue(TicketMasterDbContext db)
{
    public async Task<Venue> ExecuteAsync(int venueId, VenueChanges changes, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.FindAsync([venueId], cancellationToken) ?? throw new VenueNotFoundException(venueId);
        venue.Describe(
            changes.Name ?? venue.Name,
            changes.Address ?? venue.Address,
            changes.City ?? venue.City,
            changes.Country ?? venue.Country,
            changes.Latitude ?? venue.Latitude,
            changes.Longitude ?? venue.Longitude,
            changes.TimeZone ?? venue.TimeZone);

        // Event listings show the venue's name, city and place: every event there records the change for search.
        foreach (var show in await db.Events.Where(e => e.VenueId == venueId).ToListAsync(cancellationToken))
        {
            show.ListingChanged();
        }

        await db.SaveChangesAsync(cancellationToken);
        return venue;
    }
}

public sealed record VenueChanges(string? Name, string? Address, string? City, string? Country, double? Latitude, double? Longitude, string? TimeZone);
