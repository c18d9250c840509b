using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Booking;

/// <summary>
/// A buyer's reservations and the orders they became. A context per call from the pooled
/// factory, as resolvers run in parallel and a DbContext is single-threaded.
/// </summary>
public sealed class ReservationQueries(IDbContextFactory<TicketMasterDbContext> databases, TimeProvider clock)
{
    /// <summary>The buyer's running holds (<see cref="Hold.IsActive"/>), soonest to expire first.</summary>
    public async Task<List<Hold>> RunningAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await Running(db, userId, clock.GetUtcNow().UtcDateTime).OrderBy(h => h.ExpiresAt).ToListAsync(cancellationToken);
    }

    /// <summary>The buyer's holds that still hold their seats at <paramref name="now"/>: <c>myReservations</c> and the reservation feed agree.</summary>
    public static IQueryable<Hold> Running(TicketMasterDbContext db, int userId, DateTime now) =>
        db.Holds.AsNoTracking().Where(h => h.UserId == userId).Where(Hold.IsActive.At(now));
}
