using TicketMaster.Persistence;

namespace TicketMaster.Venues;

/// <summary>An admin hands a venue to a venue manager.</summary>
public sealed class AssignVenueManager(TicketMasterDbContext db)
{
    public async Task<Venue> ExecuteAsync(int venueId, int managerId, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.FindAsync([venueId], cancellationToken) ?? throw new VenueNotFoundException(venueId);
        var manager = await db.Users.FindAsync([managerId], cancellationToken) ?? throw new NotAVenueManagerException(managerId);
        venue.AssignManager(manager);
        await db.SaveChangesAsync(cancellationToken);
        return venue;
    }
}
