using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Events;

/// <summary>
/// Fills <see cref="Event.StartsAtLocal"/> on events written before the column existed. Time zone
/// rules live in .NET here, not in the database (MariaDB's CONVERT_TZ needs tz tables most servers
/// lack, SQLite has none), so the migration adds the column and this step, run at startup after
/// migrating, computes it (ADR 0014). It reads only rows still null: after the first run, one
/// indexed query that finds nothing.
/// </summary>
internal static class WallClockBackfill
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(TicketMasterDbContext db, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            var batch = await db.Events.Include(e => e.Venue).Where(e => e.StartsAtLocal == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return filled;
            }

            foreach (var show in batch)
            {
                show.PlaceOnWallClockOf(show.Venue!);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            filled += batch.Count;
        }
    }
}
