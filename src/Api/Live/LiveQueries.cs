using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Events;
using TicketMaster.Live;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Live;

/// <summary>
/// What an availability subscription reads before it streams. Two calls, not one, because the
/// subscription subscribes between them: the counts are read after it, so no change is missed.
/// </summary>
public sealed class LiveQueries(IDbContextFactory<TicketMasterDbContext> databases, TimeProvider clock)
{
    /// <summary>The first of <paramref name="eventIds"/> that is no event <paramref name="user"/> may see (<see cref="EventVisibility"/>), or null when all are.</summary>
    public async Task<int?> FirstUnknownEventAsync(IReadOnlyCollection<int> eventIds, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var known = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).Where(EventVisibility.VisibleTo(user)).Select(e => e.Id).ToListAsync(cancellationToken);
        return eventIds.Except(known).Cast<int?>().FirstOrDefault();
    }

    /// <summary>Each event's seat counts now (<see cref="SeatCounting"/>).</summary>
    public async Task<Dictionary<int, SeatCounts>> CountsAsync(IReadOnlyCollection<int> eventIds, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await SeatCounting.ByEventAsync(db, eventIds, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
