using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>Holds the chosen seats for the buyer: all of them, or none.</summary>
public sealed class ReserveSeats(TicketMasterDbContext db, IAvailabilityPublisher publisher, TimeProvider clock, BookingOptions options)
{
    public async Task<Hold> ExecuteAsync(int userId, int eventId, IReadOnlyCollection<int> seatIds, CancellationToken cancellationToken)
    {
        var wanted = seatIds.Distinct().Order().ToList();
        if (wanted.Count == 0)
        {
            throw new EmptyHoldException();
        }

        if (wanted.Count > options.MaxSeatsPerReservation)
        {
            throw new TooManySeatsException(wanted.Count, options.MaxSeatsPerReservation);
        }

        return await BookingTransaction.RunAsync(db, publisher, async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;

            // One round trip for both checks that come before any lock.
            var state = await db.Events.AsNoTracking()
                .Where(e => e.Id == eventId)
                .Select(e => new EventState(e, db.Holds.Count(h =>
                    h.UserId == userId && h.EventId == eventId && h.Status == HoldStatus.Active && h.ExpiresAt > now)))
                .SingleOrDefaultAsync(token)
                ?? throw new EventNotFoundException(eventId);
            if (!state.Event.IsOnSale)
            {
                throw new EventNotOnSaleException(eventId, state.Event.Status);
            }

            if (state.ActiveHolds >= options.MaxActiveHoldsPerEvent)
            {
                throw new TooManyHoldsException(eventId, options.MaxActiveHoldsPerEvent);
            }

            var seats = await InventoryLocks.LockAsync(db, eventId, wanted, options.UnsafeSkipRowLocks, token);
            var missing = wanted.Except(seats.Select(s => s.SeatId)).ToList();
            if (missing.Count > 0)
            {
                throw new SeatsNotInEventException(eventId, missing);
            }

            var taken = seats.Where(s => !s.IsAvailableAt(now)).Select(s => s.SeatId).ToList();
            if (taken.Count > 0)
            {
                throw new SeatsUnavailableException(eventId, taken);
            }

            var hold = Hold.Place(userId, eventId, wanted, Orders.Order.TotalOf(seats, state.Event.Currency), now, options.HoldDuration);
            seats.ForEach(seat => seat.PlaceHold(hold.Id, hold.ExpiresAt, now));
            db.Holds.Add(hold);
            BookingTransaction.RecordSeatsChanged(db, eventId, seats, SeatStatus.Held, hold.Id, now);
            await db.SaveChangesAsync(token);
            return hold;
        }, cancellationToken);
    }

    private sealed record EventState(Events.Event Event, int ActiveHolds);
}
