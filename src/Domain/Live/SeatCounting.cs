using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Persistence;

namespace TicketMaster.Live;

/// <summary>
/// Counts events' seats by status from the (event, section, status, expiry) index: nothing per
/// event is stored or incremented, so the booking transaction has no hot row.
/// </summary>
public static class SeatCounting
{
    public static async Task<Dictionary<int, SeatCounts>> ByEventAsync(TicketMasterDbContext db, IReadOnlyCollection<int> eventIds, DateTime now, CancellationToken cancellationToken)
    {
        var counts = await db.EventSeats.Where(s => eventIds.Contains(s.EventId))
            .GroupBy(s => new { s.EventId, s.Status, Expired = s.HoldExpiresAt != null && s.HoldExpiresAt <= now })
            .Select(g => new { g.Key.EventId, g.Key.Status, g.Key.Expired, Count = g.Count() })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return counts.GroupBy(c => c.EventId)
            .ToDictionary(g => g.Key, g => SeatCounts.Of(g.Select(c => (c.Status == SeatStatus.Held && c.Expired ? SeatStatus.Available : c.Status, c.Count))));
    }
}
