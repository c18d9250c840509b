using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Venues;

/// <summary>A venue manager opens a venue they will manage; an admin opens one with no manager yet.</summary>
public sealed class CreateVenue(TicketMasterDbContext db)
{
    public async Task<Venue> ExecuteAsync(int callerId, VenueDetails details, CancellationToken cancellationToken)
    {
        var caller = await db.Users.FindAsync([callerId], cancellationToken);
        int? managerId = caller is not null && caller.IsIn(Role.VenueManager) ? callerId : null;
        var venue = Venue.Create(details.Name, details.Address, details.City, details.Country, details.Latitude, details.Longitude, details.TimeZone, managerId);
        db.Venues.Add(venue);
        await db.SaveChangesAsync(cancellationToken);
        return venue;
    }
}

/// <summary>What a venue is and where: the fields <see cref="Venue.Describe"/> checks.</summary>
public sealed record VenueDetails(string Name, string Address, string City, string Country, double Latitude, double Longitude, string TimeZone);
