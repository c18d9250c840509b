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
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Holds.AsNoTracking().Where(h => h.UserId == userId).Where(Hold.IsActive.At(now))
            .OrderBy(h => h.ExpiresAt).ToListAsync(cancellationToken);
    }

    /// <summary>The buyer's latest orders, newest first.</summary>
    public async Task<List<Order>> OrdersAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Orders.AsNoTracking().Where(o => o.UserId == userId).OrderByDescending(o => o.CreatedAt).Take(100).ToListAsync(cancellationToken);
    }
}
