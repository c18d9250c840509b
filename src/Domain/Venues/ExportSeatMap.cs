using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Venues;

/// <summary>A venue's current seat map as the seat-map file, every seat explicit, for <c>importSeatMap</c> elsewhere.</summary>
public sealed class ExportSeatMap(TicketMasterDbContext db)
{
    public async Task<string?> ExecuteAsync(int venueId, CancellationToken cancellationToken)
    {
        if (!await db.Venues.AnyAsync(v => v.Id == venueId, cancellationToken))
        {
            return null;
        }

        var sections = await db.Sections.AsNoTracking().Where(s => s.VenueId == venueId).Where(Section.IsCurrent).OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var seats = (await db.Seats.AsNoTracking().Where(s => s.Section!.VenueId == venueId && s.Section.RetiredAt == null)
            .OrderBy(s => s.Row!.Position).ThenBy(s => s.Number)
            .Select(s => new { s.SectionId, RowPosition = s.Row!.Position, RowLabel = s.Row.Label, Seat = new SeatPlan(s.Number, s.X, s.Y, s.IsAccessible) })
            .ToListAsync(cancellationToken)).ToLookup(s => s.SectionId);
        var plan = new SeatMapPlan(sections.Select(section => new SectionPlan(
            section.Name,
            Rows: seats[section.Id].GroupBy(s => (s.RowPosition, s.RowLabel)).Select(row => new RowPlan(row.Key.RowLabel, row.Select(s => s.Seat).ToList())).ToList(),
            IsStanding: section.IsStanding)).ToList());
        return SeatMapJson.Write(plan);
    }
}
