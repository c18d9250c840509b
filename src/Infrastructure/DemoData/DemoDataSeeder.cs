using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.DemoData;

/// <summary>Loads a generated set in one transaction with multi-row inserts.</summary>
public static class DemoDataSeeder
{
    public static Task<DemoDataCounts> SeedAsync(TicketMasterDbContext db, DemoDataSet set, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(token => SeedOnceAsync(db, set, token), cancellationToken);

    private static async Task<DemoDataCounts> SeedOnceAsync(TicketMasterDbContext db, DemoDataSet set, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var sections = set.Venues.SelectMany(v => v.Sections).ToList();
        var rows = sections.SelectMany(s => s.Rows).ToList();
        var seats = rows.SelectMany(r => r.Seats).ToList();

        await BulkInserter.InsertAsync(db, set.Users, cancellationToken);
        await BulkInserter.InsertAsync(db, set.Venues, cancellationToken);
        await BulkInserter.InsertAsync(db, sections, cancellationToken);
        await BulkInserter.InsertAsync(db, rows, cancellationToken);
        await BulkInserter.InsertAsync(db, seats, cancellationToken);
        await BulkInserter.InsertAsync(db, set.Performers, cancellationToken);
        // Writes the events' recorded outbox rows too: the indexer learns about every seeded event
        // the same way it learns about new ones.
        await BulkInserter.InsertAsync(db, set.Events, cancellationToken);
        await BulkInserter.InsertAsync(db, set.Events.SelectMany(e => e.Prices), cancellationToken);
        await BulkInserter.InsertAsync(db, set.Events.SelectMany(e => e.Lineup), cancellationToken);
        var inventory = await BulkInserter.InsertAsync(db, set.Inventory(), cancellationToken);

        await transaction.CommitAsync(cancellationToken);

        // Only now: a retried attempt (its transaction rolled back) must write the rows again.
        foreach (var scheduled in set.Events)
        {
            scheduled.ClearDomainEvents();
        }
        return new DemoDataCounts(set.Users.Count, set.Venues.Count, seats.Count, set.Performers.Count, set.Events.Count, inventory);
    }
}
