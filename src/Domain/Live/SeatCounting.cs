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
            .ToDictionary(g => g.Key, g => SeatCounts.Of(g.Select(c => (AsSeen(c.Status, c.Expired), c.Count))));
    }

    /// <summary>One event's counts per section: all of its sections, or only <paramref name="sectionIds"/>.</summary>
    public static async Task<Dictionary<int, SeatCounts>> BySectionAsync(
        TicketMasterDbContext db, int eventId, IReadOnlyCollection<int>? sectionIds, DateTime now, CancellationToken cancellationToken)
    {
        var seats = db.EventSeats.Where(s => s.EventId == eventId);
        if (sectionIds is not null)
        {
            seats = seats.Where(s => sectionIds.Contains(s.SectionId));
        }

        var counts = await seats
            .GroupBy(s => new { s.SectionId, s.Status, Expired = s.HoldExpiresAt != null && s.HoldExpiresAt <= now })
            .Select(g => new { g.Key.SectionId, g.Key.Status, g.Key.Expired, Count = g.Count() })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var bySection = counts.GroupBy(c => c.SectionId)
            .ToDictionary(g => g.Key, g => SeatCounts.Of(g.Select(c => (AsSeen(c.Status, c.Expired), c.Count))));

        // A section asked for but without seats of this event counts as empty, not as unknown.
        foreach (var sectionId in sectionIds ?? [])
        {
            bySection.TryAdd(sectionId, SeatCounts.None);
        }

        return bySection;
    }

    /// <summary>A hold past its expiry counts as available even before the sweep releases it.</summary>
    private static SeatStatus AsSeen(SeatStatus status, bool expired) => status == SeatStatus.Held && expired ? SeatStatus.Available : status;
}
