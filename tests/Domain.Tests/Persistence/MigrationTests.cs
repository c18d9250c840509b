using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public void The_checked_in_migrations_cover_the_whole_model()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run `dotnet ef migrations add <Name> --project src/Infrastructure --startup-project src/Infrastructure --output-dir Persistence/Migrations`.");
    }

    [SkippableFact]
    public async Task Migrations_bring_an_empty_MariaDB_to_every_table_of_the_model()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.MySql, "migrate");
        await using var db = database.CreateContext();

        await db.Database.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS Value FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> '__EFMigrationsHistory'").ToListAsync();
        Assert.Equal(db.Model.GetEntityTypes().Select(e => e.GetTableName()).Order(), tables.Order());
    }

    [SkippableFact]
    public async Task The_booking_paths_queries_hit_an_index_on_MariaDB()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.MySql, "explain");
        await using (var db = database.CreateContext())
        {
            var organizer = TestData.User("olga");
            var venue = TestData.Venue(rows: 20, seatsPerRow: 30);
            db.AddRange(organizer, venue);
            await db.SaveChangesAsync();
            var gig = TestData.Event(venue, organizer.Id);
            db.Add(gig);
            await db.SaveChangesAsync();
            await BulkInserter.InsertAsync(db, gig.CreateInventory(venue), CancellationToken.None);
            await db.Database.ExecuteSqlRawAsync("ANALYZE TABLE event_seats");
        }

        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();

        // reserve/confirm: lock the requested seats by primary key, in seat order. Left to itself
        // the optimizer may pick the seat_id foreign-key index, and a locking read through it
        // locks that seat in every event at the venue, so the booking path must force PRIMARY.
        Assert.Equal("PRIMARY", await ExplainKeyAsync(connection,
            "SELECT * FROM event_seats FORCE INDEX (PRIMARY) WHERE event_id = 1 AND seat_id IN (3, 4, 5) ORDER BY seat_id FOR UPDATE"));

        // availability per section, counted from the secondary index alone.
        Assert.Equal("ix_event_seats_event_id_section_id_status_hold_expires_at", await ExplainKeyAsync(connection,
            "SELECT section_id, status, hold_expires_at <= UTC_TIMESTAMP(), COUNT(*) FROM event_seats WHERE event_id = 1 GROUP BY section_id, status, 3"));

        // the expiry job: lapsed holds by status and expiry.
        Assert.Equal("ix_event_seats_status_hold_expires_at", await ExplainKeyAsync(connection,
            "SELECT event_id, seat_id FROM event_seats WHERE status = 1 AND hold_expires_at < UTC_TIMESTAMP() LIMIT 500"));
    }

    private static async Task<string?> ExplainKeyAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand("EXPLAIN " + sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var key = reader["key"] as string;
        Assert.NotEqual("ALL", reader["type"] as string);
        return key;
    }
}
