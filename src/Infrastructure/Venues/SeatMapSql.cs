using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TicketMaster.Persistence;

namespace TicketMaster.Venues;

/// <summary>
/// The seat map's bulk write: explicit keys from the tables' current maxima, then multi-row inserts
/// (<see cref="BulkInserter"/>), as the demo data loads its venues. EF's SaveChanges would send and
/// read back one insert per seat, tens of thousands for an arena.
/// </summary>
internal sealed class SeatMapSql : ISeatMapStore
{
    public Task InsertInventoryAsync(TicketMasterDbContext db, IEnumerable<Booking.EventSeat> inventory, CancellationToken cancellationToken) =>
        BulkInserter.InsertAsync(db, inventory, cancellationToken);

    public Task ReplaceAsync(TicketMasterDbContext db, Venue venue, IReadOnlyList<int> retire, IReadOnlyList<int> delete, DateTime now, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            // REPEATABLE READ on MySQL: the locking MAX reads below take next-key locks on the end of each
            // key index, so a concurrent layout waits instead of taking the same keys. SQLite has one writer.
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Sections.Where(s => retire.Contains(s.Id)).ExecuteUpdateAsync(set => set.SetProperty(s => s.RetiredAt, now), token);
            await db.Seats.Where(s => delete.Contains(s.SectionId)).ExecuteDeleteAsync(token);
            await db.SeatRows.Where(r => delete.Contains(r.SectionId)).ExecuteDeleteAsync(token);
            await db.Sections.Where(s => delete.Contains(s.Id)).ExecuteDeleteAsync(token);

            var section = await NextKeyAsync(db, "sections", token);
            var row = await NextKeyAsync(db, "seat_rows", token);
            var seat = await NextKeyAsync(db, "seats", token);
            venue.AssignKeys(venue.Id, section, row, seat);

            var sections = venue.CurrentSections.ToList();
            var rows = sections.SelectMany(s => s.Rows).ToList();
            await BulkInserter.InsertAsync(db, sections, token);
            await BulkInserter.InsertAsync(db, rows, token);
            await BulkInserter.InsertAsync(db, rows.SelectMany(r => r.Seats), token);
            await transaction.CommitAsync(token);
        }, cancellationToken);

    private static async Task<int> NextKeyAsync(TicketMasterDbContext db, string table, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT COALESCE(MAX(id), 0) + 1 FROM `{table}`{(db.IsMySql ? " FOR UPDATE" : "")}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
