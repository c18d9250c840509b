using Microsoft.EntityFrameworkCore;
using TicketMaster.Common;
using TicketMaster.Persistence;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.Events;
using TicketMaster.Live;
using TicketMaster.Performers;

namespace TicketMaster.Api.Events;

/// <summary>Per-request batch loaders for events; one SQL query per batch, whatever the number of events.</summary>
public sealed class EventDataLoaders(DbBatch<TicketMasterDbContext> batch, TimeProvider clock)
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

    public BatchLoader<int, Availability> AvailabilityByEvent { get; } = batch.One<int, Availability>(async (db, ids, ct) =>
        (await SeatCounting.ByEventAsync(db, ids, clock.GetUtcNow().UtcDateTime, ct)).ToDictionary(p => p.Key, p => Availability.From(p.Value)));
}

public sealed record LineupEntry(int EventId, Performer Performer);
