using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Events;

/// <summary>
/// An event's seat map as the schema shows it. A context per call from the pooled factory, as
/// resolvers run in parallel and a DbContext is single-threaded.
/// </summary>
public sealed class EventSeatQueries(IDbContextFactory<TicketMasterDbContext> databases, TimeProvider clock)
{
    /// <summary>
    /// Every seat of one section of the event in seat-map order, with the status a buyer sees now
    /// (<see cref="EventSeat.StatusSeen"/>); <paramref name="status"/> filters on that same status.
    /// The whole event is <see cref="EventDataLoaders.SeatMapByEvent"/>, compact.
    /// </summary>
    public async Task<List<EventSeatView>> SectionSeatsAsync(int eventId, int sectionId, SeatStatus? status, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);

        // One currency per event: read it once rather than join it onto every seat.
        var currency = await db.Events.Where(e => e.Id == eventId).Select(e => e.Currency).SingleOrDefaultAsync(cancellationToken);
        if (currency is null)
        {
            return [];
        }

        var seats = db.EventSeats.Where(s => s.EventId == eventId && s.SectionId == sectionId);

        if (status is { } seen)
        {
            seats = seats.Where(s => EventSeat.StatusSeen.Invoke(s, now) == seen);
        }

        return await ViewsAsync(db, seats, currency, now, cancellationToken);
    }

    /// <summary>These seats of the event, as a client sees them now; for errors that name seats (at most a reservation's worth).</summary>
    public async Task<List<EventSeatView>> SeatsAsync(int eventId, IReadOnlyCollection<int> seatIds, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var currency = await db.Events.Where(e => e.Id == eventId).Select(e => e.Currency).SingleOrDefaultAsync(cancellationToken);
        return currency is null
            ? []
            : await ViewsAsync(db, db.EventSeats.Where(s => s.EventId == eventId && seatIds.Contains(s.SeatId)), currency, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private static Task<List<EventSeatView>> ViewsAsync(TicketMasterDbContext db, IQueryable<EventSeat> seats, string currency, DateTime now, CancellationToken cancellationToken) =>
        seats
            .Join(db.Seats, inventory => inventory.SeatId, seat => seat.Id, (inventory, seat) => new { inventory, seat })
            .OrderBy(x => x.seat.Section!.Position).ThenBy(x => x.seat.Row!.Position).ThenBy(x => x.seat.Number)
            .Select(x => new EventSeatView(
                x.seat.Id, x.seat.SectionId, x.seat.Section!.Name, x.seat.Row!.Label, x.seat.Number, x.seat.X, x.seat.Y, x.seat.IsAccessible,
                EventSeat.StatusSeen.Invoke(x.inventory, now),
                new Money(x.inventory.Price, currency)))
            .Expand()
            .ToListAsync(cancellationToken);
}
