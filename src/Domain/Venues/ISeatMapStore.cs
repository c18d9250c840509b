using TicketMaster.Persistence;

namespace TicketMaster.Venues;

/// <summary>
/// Writes seats in bulk: an event's inventory, and a venue's new seat map (a 20,000-seat arena is one mutation): the sections,
/// rows and seats built on the venue, in one transaction with the old map's removal or retirement.
/// </summary>
public interface ISeatMapStore
{
    /// <param name="venue">Untracked; its current sections are the new map, without keys yet.</param>
    /// <param name="retire">The old map's sections that events use: they stay, retired at <paramref name="now"/>.</param>
    /// <param name="delete">The old map's sections no event uses: they go, with their rows and seats.</param>
    /// <summary>An event's inventory, one row per seat, in the caller's transaction.</summary>
    Task InsertInventoryAsync(TicketMasterDbContext db, IEnumerable<Booking.EventSeat> inventory, CancellationToken cancellationToken);

    Task ReplaceAsync(TicketMasterDbContext db, Venue venue, IReadOnlyList<int> retire, IReadOnlyList<int> delete, DateTime now, CancellationToken cancellationToken);
}
