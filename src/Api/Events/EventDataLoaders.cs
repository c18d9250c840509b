using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Venues;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Persistence;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.Events;
using TicketMaster.Live;
using TicketMaster.Performers;

namespace TicketMaster.Api.Events;

/// <summary>Per-request batch loaders for events; one SQL query per batch, whatever the number of events.</summary>
public sealed class EventDataLoaders(DbBatch<TicketMasterDbContext> batch, TimeProvider clock, IAvailabilityBus bus)
{
    public BatchLoader<int, Event> EventById { get; } = batch.One<int, Event>((db, ids, ct) =>
        db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct));

    public BatchLoader<int, IReadOnlyList<LineupEntry>> LineupByEvent { get; } = batch.Many<int, LineupEntry>(
        (db, ids, ct) => db.EventPerformers.Where(ep => ids.Contains(ep.EventId)).OrderBy(ep => ep.Billing)
            .Join(db.Performers, ep => ep.PerformerId, p => p.Id, (ep, p) => new LineupEntry(ep.EventId, p))
            .AsNoTracking().ToListAsync(ct),
        entry => entry.EventId);

    public BatchLoader<int, PriceRange> PriceRangeByEvent { get; } = batch.One<int, PriceRange>(async (db, ids, ct) =>
        (await db.EventSectionPrices.Where(p => ids.Contains(p.EventId)).Select(p => new { p.EventId, p.Price, p.Event!.Currency }).ToListAsync(ct))
            .GroupBy(p => p.EventId)
            .ToDictionary(g => g.Key, g => new PriceRange(new Money(g.Min(p => p.Price), g.First().Currency), new Money(g.Max(p => p.Price), g.First().Currency))));

    public BatchLoader<int, IReadOnlyList<EventSection>> SectionsByEvent { get; } = batch.Many<int, EventSection>(
        (db, ids, ct) => db.EventSectionPrices.Where(p => ids.Contains(p.EventId))
            .Join(db.Sections, p => p.SectionId, s => s.Id, (p, s) => new { Price = p, Section = s })
            .OrderBy(x => x.Section.Position)
            .Select(x => new EventSection(x.Price.EventId, x.Section.Id, x.Section.Name, x.Section.Position, new Money(x.Price.Price, x.Price.Event!.Currency)))
            .ToListAsync(ct),
        section => section.EventId);

    /// <summary>Counted from the (event, section, status, expiry) index; nothing per event is stored or incremented.</summary>
    public BatchLoader<(int EventId, int SectionId), Availability> AvailabilityBySection { get; } = batch.One<(int EventId, int SectionId), Availability>(
        async (db, keys, ct) =>
            (await SeatCounting.ByEventSectionAsync(db, keys.Select(k => k.EventId).Distinct().ToList(), clock.GetUtcNow().UtcDateTime, ct))
                .ToDictionary(p => p.Key, p => Availability.From(p.Value)));

    /// <summary>
    /// Each event's compact seat map. The live version is read before the statuses, so the map has
    /// every change up to it (and maybe later ones, which a client applying changes again leaves as they are).
    /// </summary>
    public BatchLoader<int, EventSeatMap> SeatMapByEvent { get; } = batch.One<int, EventSeatMap>(async (db, ids, ct) =>
    {
        var versions = new Dictionary<int, long>();
        foreach (var id in ids)
        {
            versions[id] = await bus.CurrentVersionAsync(id, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var prices = await db.EventSectionPrices.Where(p => ids.Contains(p.EventId))
            .Select(p => new { p.EventId, p.SectionId, p.Price, p.Event!.Currency })
            .ToDictionaryAsync(p => (p.EventId, p.SectionId), p => new Money(p.Price, p.Currency), ct);
        var seats = await db.EventSeats.Where(s => ids.Contains(s.EventId))
            .Join(db.Seats, inventory => inventory.SeatId, seat => seat.Id, (inventory, seat) => new { inventory, seat })
            .OrderBy(x => x.inventory.EventId).ThenBy(x => x.seat.Section!.Position).ThenBy(x => x.seat.Row!.Position).ThenBy(x => x.seat.Number)
            .Select(x => new
            {
                x.inventory.EventId,
                Seat = new MapSeat(x.seat.SectionId, x.seat.Section!.Name, x.seat.RowId, x.seat.Row!.Label, x.seat.Id, x.seat.Number, x.seat.X, x.seat.Y, x.seat.IsAccessible,
                    EventSeat.StatusSeen.Invoke(x.inventory, now)),
            })
            .Expand()
            .AsNoTracking()
            .ToListAsync(ct);
        var byEvent = seats.ToLookup(x => x.EventId, x => x.Seat);
        return versions.ToDictionary(v => v.Key, v => new EventSeatMap(
            v.Value,
            SeatMapLayout.Build(byEvent[v.Key]).Select(section => new EventSeatMapSection(section, prices[(v.Key, section.SectionId)])).ToList()));
    });

    public BatchLoader<int, Availability> AvailabilityByEvent { get; } = batch.One<int, Availability>(async (db, ids, ct) =>
        (await SeatCounting.ByEventAsync(db, ids, clock.GetUtcNow().UtcDateTime, ct)).ToDictionary(p => p.Key, p => Availability.From(p.Value)));
}

public sealed record LineupEntry(int EventId, Performer Performer);
