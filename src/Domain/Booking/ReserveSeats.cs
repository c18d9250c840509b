using Microsoft.EntityFrameworkCore;
using TicketMaster.Events;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>Holds the chosen seats for the buyer: all of them, or none.</summary>
public sealed class ReserveSeats(TicketMasterDbContext db, IBookingStore store, IAvailabilityPublisher publisher, TimeProvider clock, BookingOptions options)
{
    public async Task<Hold> ExecuteAsync(int userId, int eventId, IReadOnlyCollection<int> seatIds, CancellationToken cancellationToken)
    {
        var wanted = seatIds.Distinct().Order().ToList();
        if (wanted.Count == 0)
        {
            throw new NoSeatsException();
        }

        if (wanted.Count > options.MaxSeatsPerReservation)
        {
            throw new TooManySeatsException(wanted.Count, options.MaxSeatsPerReservation);
        }

        return await BookingTransaction.RunAsync(db, store, publisher, async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;

            // One round trip for both checks that come before any lock.
            var state = await CompiledBookingQueries.EventStateAsync(db, eventId, userId, now, token) ?? throw new EventNotFoundException(eventId);
            if (state.Status != Events.EventStatus.OnSale)
            {
                throw new EventNotOnSaleException(eventId, state.Status, state.OnSaleAt);
            }

            // The organizer's per-order limit (issue #14); the platform's own cap was checked above.
            if (state.MaxTicketsPerOrder is { } perOrder && wanted.Count > perOrder)
            {
                throw new TooManySeatsException(wanted.Count, perOrder);
            }

            // The per-account limit costs nothing unless the event has one (ADR 0020).
            if (state.MaxTicketsPerAccount is { } perAccount)
            {
                await store.LockAccountAsync(db, userId, token);
                var already = await AccountTickets.HeldOrBoughtAsync(db, eventId, userId, now, token);
                if (already + wanted.Count > perAccount)
                {
                    throw new TicketLimitReachedException(perAccount, already);
                }
            }

            if (state.ActiveHolds >= options.MaxActiveHoldsPerEvent)
            {
                throw new TooManyReservationsException(eventId, options.MaxActiveHoldsPerEvent);
            }

            var seats = await store.LockAsync(db, eventId, wanted, options.UnsafeSkipRowLocks, tracked: false, token);
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

            var hold = Hold.Place(userId, eventId, wanted, Orders.Order.TotalOf(seats, state.Currency), now, options.HoldDuration, seats.ToDictionary(s => s.SeatId, s => s.Price));
            seats.ForEach(seat => seat.PlaceHold(hold.Id, hold.ExpiresAt, now));

            // The entities decided and recorded the change; one batch writes both (ADR 0009:
            // SaveChanges cost twice the statements and a third of the Api's CPU per reserve).
            await store.InsertHoldAsync(db, hold, seats, token);
            return hold;
        }, cancellationToken);
    }
}
