using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketMaster.DemoData;
using TicketMaster.Events;

namespace TicketMaster.Persistence;

/// <summary>
/// Brings the database to the current schema and, when it has no venues yet, loads demo data.
/// MySQL is migrated under a named lock, SQLite created under a file lock, so several Api instances can start together.
/// </summary>
public sealed class DatabaseInitializer(
    TicketMasterDbContext db, DatabaseOptions options, TimeProvider clock, ILogger<DatabaseInitializer> logger)
{
    private const string InitializationLock = "ticketmaster.initialize";

    public async Task InitializeAsync(DemoDataOptions demoData, CancellationToken cancellationToken)
    {
        using var sqliteLock = options.Provider == DatabaseProvider.Sqlite ? await SqliteSchema.LockAsync(db, cancellationToken) : null;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (options.Provider == DatabaseProvider.MySql)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT GET_LOCK('{InitializationLock}', 600)", cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            else
            {
                await SqliteSchema.EnsureCurrentAsync(db, logger, cancellationToken);

                // WAL lets readers run while the single writer commits.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", cancellationToken);
            }

            if (await WallClockBackfill.RunAsync(db, cancellationToken) is > 0 and var filled)
            {
                logger.LogInformation("Computed the venue-local start of {Events} events written before it was stored", filled);
            }

            if (demoData.Size != DemoDataSize.None && !await db.Venues.AnyAsync(cancellationToken))
            {
                var started = clock.GetTimestamp();
                var anchor = clock.GetUtcNow().UtcDateTime.Date;
                var set = DemoDataGenerator.Generate(demoData.Size, demoData.Seed, anchor);
                var counts = await DemoDataSeeder.SeedAsync(db, set, cancellationToken);
                logger.LogInformation(
                    "Seeded {Size} demo data (seed {Seed}): {Venues} venues, {Events} events, {Inventory} inventory rows in {Elapsed}",
                    demoData.Size, demoData.Seed, counts.Venues, counts.Events, counts.InventoryRows, clock.GetElapsedTime(started));
            }
        }
        finally
        {
            if (options.Provider == DatabaseProvider.MySql)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT RELEASE_LOCK('{InitializationLock}')", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }
}
