using Microsoft.EntityFrameworkCore;
using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Booking;

/// <summary>
/// Ends holds past their expiry and frees their seats, a batch at a time. Buyers never wait for
/// this (an expired hold already counts as available); it keeps the tables and the live seat
/// maps honest. Each hold is its own short transaction with the same seat locks as a
/// confirmation, so a confirmation racing the expiry has exactly one winner.
/// </summary>
public sealed class ExpireHolds(TicketMasterDbContext db, IBookingStore store, IAvailabilityPublisher publisher, TimeProvider clock, BookingOptions options)
{
    public async Task<int> ExecuteAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lapsed = await db.Holds.Where(Hold.HasLapsed.At(now))
            .OrderBy(h => h.ExpiresAt).Select(h => h.Id).Take(batchSize).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var holdId in lapsed)
        {
            expired += await BookingTransaction.RunAsync(db, store, publisher, async token =>
            {
                var hold = await db.Holds.Include(h => h.Seats).SingleAsync(h => h.Id == holdId, token);
                var seats = await store.LockAsync(db, hold.EventId, hold.Seats.Select(s => s.SeatId).ToList(), options.UnsafeSkipRowLocks, tracked: true, token);
                await db.Entry(hold).ReloadAsync(token);
                if (!hold.Expire(now))
                {
                    return 0;
                }

                // Only the seats it still has: a seat freed by the lapse may have been held again since.
                seats.ForEach(seat => seat.ReleaseHold(hold.Id));
                await db.SaveChangesAsync(token);
                return 1;
            }, cancellationToken);
        }

        return expired;
    }
}
