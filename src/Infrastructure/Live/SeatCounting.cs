using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Live;

/// <summary>
/// Counts events' seats by status from the (event, section, status, expiry) index: nothing per
/// event is stored or incremented, so the booking transaction has no hot row.
/// Two things keep a count cheap while an onsale rewrites the same rows hundreds of times a second
/// (ADR 0008, measured with the onsale bench):
/// - It groups by the index's own columns and counts the available seats inside each group
///   (<see cref="EventSeat.IsAvailable"/>, all of them index columns), so MariaDB streams the
///   covering index. Grouping by a computed "expired" column made it read the clustered rows into a
///   temporary table and sort them: 2.4 times the work.
/// - On MySQL it reads uncommitted. Nearly every page of that index is then newer than a
///   consistent read's snapshot, and InnoDB visits each entry's clustered row to decide what the
///   snapshot sees (~190 extra page reads per reservation from the availability relay alone). A
///   dirty count may include a change about to commit or roll back; counts are a display, and
///   the next one corrects it. Which seats are free is decided under row locks, never from here.
/// </summary>
public static class SeatCounting
{
    public static async Task<Dictionary<int, SeatCounts>> ByEventAsync(TicketMasterDbContext db, IReadOnlyCollection<int> eventIds, DateTime now, CancellationToken cancellationToken) =>
        (await CountAsync(db, db.EventSeats.Where(s => eventIds.Contains(s.EventId)), now, cancellationToken))
            .GroupBy(c => c.Key.EventId)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Value).Aggregate(SeatCounts.None, (total, section) => total + section));

    /// <summary>Counts per (event, section) for these events: the sections that have seats.</summary>
    public static Task<Dictionary<(int EventId, int SectionId), SeatCounts>> ByEventSectionAsync(
        TicketMasterDbContext db, IReadOnlyCollection<int> eventIds, DateTime now, CancellationToken cancellationToken) =>
        CountAsync(db, db.EventSeats.Where(s => eventIds.Contains(s.EventId)), now, cancellationToken);

    /// <summary>One event's counts per section: all of its sections, or only <paramref name="sectionIds"/>.</summary>
    public static async Task<Dictionary<int, SeatCounts>> BySectionAsync(
        TicketMasterDbContext db, int eventId, IReadOnlyCollection<int>? sectionIds, DateTime now, CancellationToken cancellationToken)
    {
        var seats = db.EventSeats.Where(s => s.EventId == eventId);
        if (sectionIds is not null)
        {
            seats = seats.Where(s => sectionIds.Contains(s.SectionId));
        }

        var bySection = (await CountAsync(db, seats, now, cancellationToken)).ToDictionary(c => c.Key.SectionId, c => c.Value);

        // A section asked for but without seats of this event counts as empty, not as unknown.
        foreach (var sectionId in sectionIds ?? [])
        {
            bySection.TryAdd(sectionId, SeatCounts.None);
        }

        return bySection;
    }

    private static async Task<Dictionary<(int EventId, int SectionId), SeatCounts>> CountAsync(
        TicketMasterDbContext db, IQueryable<EventSeat> seats, DateTime now, CancellationToken cancellationToken)
    {
        var query = seats
            .GroupBy(s => new { s.EventId, s.SectionId, s.Status })
            .Select(g => new { g.Key.EventId, g.Key.SectionId, g.Key.Status, Count = g.Count(), Available = g.Count(s => EventSeat.IsAvailable.Invoke(s, now)) })
            .AsNoTracking()
            .Expand();
        var counts = !db.IsMySql || db.Database.CurrentTransaction is not null
            ? await query.ToListAsync(cancellationToken)
            : await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadUncommitted, token);
                return await query.ToListAsync(token);
            }, cancellationToken);
        return counts.GroupBy(c => (c.EventId, c.SectionId))
            .ToDictionary(g => g.Key, g => SeatCounts.Of(g.SelectMany(c => AsSeen(c.Status, c.Count, c.Available))));
    }

    /// <summary>The seats of a group that are available now (a lapsed hold's) count as available, the rest keep their status.</summary>
    private static IEnumerable<(SeatStatus Status, int Count)> AsSeen(SeatStatus status, int count, int available) =>
        [(SeatStatus.Available, available), (status, count - available)];
}
