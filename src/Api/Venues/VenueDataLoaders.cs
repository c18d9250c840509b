using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.Venues;

namespace TicketMaster.Api.Venues;

/// <summary>
/// Per-request batch loaders for venues and their seat maps; one SQL query per batch. A venue shows
/// its current map only; retired sections are reached through the events that use them.
/// </summary>
public sealed class VenueDataLoaders(DbBatch<TicketMasterDbContext> batch)
{
    public BatchLoader<int, Venue> VenueById { get; } = batch.One<int, Venue>((db, ids, ct) =>
        db.Venues.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct));

    public BatchLoader<int, int> CapacityByVenue { get; } = batch.One<int, int>((db, ids, ct) =>
        db.Seats.Where(s => ids.Contains(s.Section!.VenueId) && s.Section.RetiredAt == null).GroupBy(s => s.Section!.VenueId)
            .Select(g => new { VenueId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.VenueId, g => g.Count, ct));

    public BatchLoader<int, IReadOnlyList<Section>> SectionsByVenue { get; } = batch.Many<int, Section>(
        (db, ids, ct) => db.Sections.AsNoTracking().Where(s => ids.Contains(s.VenueId)).Where(Section.IsCurrent).OrderBy(s => s.Position).ToListAsync(ct),
        section => section.VenueId);

    public BatchLoader<int, Section> SectionById { get; } = batch.One<int, Section>((db, ids, ct) =>
        db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct));

    public BatchLoader<int, int> CapacityBySection { get; } = batch.One<int, int>((db, ids, ct) =>
        db.Seats.Where(s => ids.Contains(s.SectionId)).GroupBy(s => s.SectionId)
            .Select(g => new { SectionId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.SectionId, g => g.Count, ct));

    public BatchLoader<int, IReadOnlyList<SeatRow>> RowsBySection { get; } = batch.Many<int, SeatRow>(
        (db, ids, ct) => db.SeatRows.AsNoTracking().Where(r => ids.Contains(r.SectionId)).OrderBy(r => r.Position).ToListAsync(ct),
        row => row.SectionId);

    public BatchLoader<int, IReadOnlyList<Seat>> SeatsByRow { get; } = batch.Many<int, Seat>(
        (db, ids, ct) => db.Seats.AsNoTracking().Where(s => ids.Contains(s.RowId)).OrderBy(s => s.Number).ToListAsync(ct),
        seat => seat.RowId);

    /// <summary>Each venue's compact seat map: its layout, with no statuses.</summary>
    public BatchLoader<int, VenueSeatMap> SeatMapByVenue { get; } = batch.One<int, VenueSeatMap>(async (db, ids, ct) =>
    {
        var seats = (await db.Seats.AsNoTracking().Where(s => ids.Contains(s.Section!.VenueId) && s.Section.RetiredAt == null)
            .OrderBy(s => s.Section!.VenueId).ThenBy(s => s.Section!.Position).ThenBy(s => s.Row!.Position).ThenBy(s => s.Number)
            .Select(s => new
            {
                s.Section!.VenueId,
                Seat = new MapSeat(s.SectionId, s.Section.Name, s.RowId, s.Row!.Label, s.Id, s.Number, s.X, s.Y, s.IsAccessible, null),
            })
            .ToListAsync(ct)).ToLookup(x => x.VenueId, x => x.Seat);
        return ids.ToDictionary(id => id, id => new VenueSeatMap(SeatMapLayout.Build(seats[id])));
    });

    public BatchLoader<int, Seat> SeatById { get; } = batch.One<int, Seat>((db, ids, ct) =>
        db.Seats.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct));
}
