using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>The buyer gives the seats back before the hold runs out.</summary>
public sealed class ReleaseReservation(TicketMasterDbContext db, IBookingStore store, IAvailabilityPublisher publisher, TimeProvider clock, BookingOptions options)
{
    public Task<Hold> ExecuteAsync(int userId, Guid holdId, CancellationToken cancellationToken) =>
        BookingTransaction.RunAsync(db, store, publisher, async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var hold = await db.Holds.Include(h => h.Seats).SingleOrDefaultAsync(h => h.Id == holdId, token)
                ?? throw new ReservationNotFoundException(holdId);
            var seats = await store.LockAsync(db, hold.EventId, hold.Seats.Select(s => s.SeatId).ToList(), options.UnsafeSkipRowLocks, tracked: true, token);

            // Read again under the seat locks: a confirmation may have committed meanwhile.
            await db.Entry(hold).ReloadAsync(token);
            hold.Release(userId, now);
            seats.ForEach(seat => seat.ReleaseHold(hold.Id));

            // Writes the SeatsChanged row the hold and the seats it still had recorded.
            await db.SaveChangesAsync(token);
            return hold;
        }, cancellationToken);
}
