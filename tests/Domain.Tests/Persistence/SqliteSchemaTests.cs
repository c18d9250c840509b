using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TicketMaster.DemoData;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.Persistence;

/// <summary>
/// Someone who ran an older build keeps its App_Data/ticketmaster.db; the next build must start, not fail at the
/// first query on a column the old file lacks, and must not throw their old file away.
/// </summary>
public sealed class SqliteSchemaTests
{
    [Fact]
    public async Task A_file_from_an_older_build_is_set_aside_and_a_current_one_created()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, "old");
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        await using (var old = new SqliteConnection(database.ConnectionString))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = "CREATE TABLE venues (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO venues VALUES (1, 'Old Hall');";
            await create.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        await database.InitializeAsync(new DemoDataOptions { Size = DemoDataSize.None });

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Venues.CountAsync());
        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + ".generation-0-*.old"));
        await using var kept = new SqliteConnection($"Data Source={aside}");
        await kept.OpenAsync();
        await using var read = kept.CreateCommand();
        read.CommandText = "SELECT name FROM venues";
        Assert.Equal("Old Hall", await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_current_file_is_kept_across_starts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "current");
        await using (var db = database.CreateContext())
        {
            db.Add(TestData.User("kept"));
            await db.SaveChangesAsync();
        }

        SqliteConnection.ClearAllPools();
        await database.InitializeAsync(new DemoDataOptions { Size = DemoDataSize.None });

        await using var again = database.CreateContext();
        Assert.Equal(1, await again.Users.CountAsync());
    }

    [Fact]
    public async Task Two_processes_starting_on_a_new_file_together_share_it_and_neither_sets_it_aside()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, "together");
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => database.InitializeAsync(new DemoDataOptions { Size = DemoDataSize.Small }))));

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.old"));
        await using var db = database.CreateContext();
        Assert.Equal(20, await db.Venues.CountAsync());
    }
}
