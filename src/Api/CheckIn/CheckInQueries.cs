using Microsoft.EntityFrameworkCore;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Api.CheckIn;

/// <summary>The reads behind <c>Event.entryProgress</c>, each on a context of its own (fields resolve in parallel).</summary>
public sealed class CheckInQueries(IDbContextFactory<TicketMasterDbContext> databases, TimeProvider clock)
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    public async Task<EntryProgress> EntryProgressAsync(int eventId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var sold = await db.Tickets.CountAsync(t => t.EventId == eventId && t.Status == TicketStatus.Valid, cancellationToken);
        var byGate = await db.CheckIns.Where(c => c.EventId == eventId).GroupBy(c => c.Gate)
            .Select(g => new GateProgress(g.Key, g.Count())).ToListAsync(cancellationToken);

        // Bucketed here, not in SQL: date arithmetic differs by provider, and two hours of scans are few rows.
        var now = clock.GetUtcNow().UtcDateTime;
        var end = new DateTime(now.Ticks - (now.Ticks % Quarter.Ticks) + Quarter.Ticks, DateTimeKind.Utc);
        var start = end - (8 * Quarter);
        var recent = await db.CheckIns.Where(c => c.EventId == eventId && c.ScannedAt >= start).Select(c => c.ScannedAt).ToListAsync(cancellationToken);
        var intervals = Enumerable.Range(0, 8).Select(i => start + (i * Quarter))
            .Select(from => new EntryInterval(from, recent.Count(at => at >= from && at < from + Quarter))).ToList();
        return new EntryProgress(byGate.Sum(g => g.CheckedIn), sold, [.. byGate.OrderByDescending(g => g.CheckedIn).ThenBy(g => g.Gate, StringComparer.Ordinal)], intervals);
    }
}
