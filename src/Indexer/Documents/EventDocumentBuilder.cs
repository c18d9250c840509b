using Microsoft.EntityFrameworkCore;
using TicketMaster.Events;
using TicketMaster.Indexer.Search;
using TicketMaster.Live;
using TicketMaster.Persistence;

namespace TicketMaster.Indexer.Documents;

/// <summary>
/// Builds search documents from what the database holds now (never from message payloads), so
/// applying a message twice, or late, still writes the current truth. A fixed number of queries
/// per batch, whatever its size: events with venues, line-ups, prices, seat counts.
/// </summary>
public sealed class EventDocumentBuilder(IDbContextFactory<TicketMasterDbContext> databases, TimeProvider clock)
{
    /// <summary>Statuses that are searchable; drafts are unpublished and cancelled events leave the index.</summary>
    public static readonly EventStatus[] Searchable = [EventStatus.OnSale, EventStatus.SoldOut, EventStatus.Completed, EventStatus.SalesPaused, EventStatus.Announced];

    /// <summary>A document for each searchable event, a removal for every other id (cancelled, draft, deleted).</summary>
    public async Task<(List<EventDocument> Upserts, List<IndexRemoval> Removals)> BuildAsync(
        IReadOnlyDictionary<int, long> versions, CancellationToken cancellationToken)
    {
        var ids = versions.Keys.ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var events = await db.Events.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && Searchable.Contains(e.Status))
            .Select(e => new
            {
                e.Id, e.Name, e.Description, e.Category, e.StartsAt, e.StartsAtLocal, e.Status, e.Currency,
                Venue = e.Venue!.Name, e.Venue.City, e.Venue.Country, e.Venue.Latitude, e.Venue.Longitude,
            })
            .ToListAsync(cancellationToken);
        var found = events.Select(e => e.Id).ToList();

        var performers = (await db.EventPerformers.Where(ep => found.Contains(ep.EventId))
                .Join(db.Performers, ep => ep.PerformerId, p => p.Id, (ep, p) => new { ep.EventId, ep.Billing, p.Name })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.EventId)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Billing).Select(p => p.Name).ToList());

        // A handful of tiers per event, aggregated here: SQLite cannot MIN/MAX a decimal.
        var prices = (await db.EventSectionPrices.Where(p => found.Contains(p.EventId))
                .Select(p => new { p.EventId, p.Price })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.EventId)
            .ToDictionary(g => g.Key, g => new { Min = g.Min(p => p.Price), Max = g.Max(p => p.Price) });

        // Derived from the (event, section, status) index; nothing per event is stored or incremented.
        var seats = await SeatCounting.ByEventAsync(db, found, clock.GetUtcNow().UtcDateTime, cancellationToken);

        var upserts = events.Select(e =>
        {
            var price = prices.GetValueOrDefault(e.Id);
            var counts = seats.GetValueOrDefault(e.Id) ?? SeatCounts.None;
            return new EventDocument(
                e.Id, versions[e.Id], e.Name, e.Description, performers.GetValueOrDefault(e.Id) ?? [], e.Venue, e.City, e.Country,
                e.Latitude, e.Longitude, e.Category, e.StartsAt, e.Status, price?.Min ?? 0, price?.Max ?? 0, e.Currency, counts.Total, counts.Available,
                e.StartsAtLocal ?? e.StartsAt);
        }).ToList();
        var removals = ids.Except(found).Select(id => new IndexRemoval(id, versions[id])).ToList();
        return (upserts, removals);
    }
}
