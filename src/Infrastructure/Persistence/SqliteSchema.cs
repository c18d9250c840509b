using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace TicketMaster.Persistence;

/// <summary>
/// The embedded SQLite database is created from the model, not migrated (the migrations are MySQL's). A file
/// written by an older build lacks the newer tables and columns and would fail at its first query, so the build's
/// schema generation (how many migrations it knows) is stamped in <c>PRAGMA user_version</c>; a file with another
/// stamp is set aside — renamed, never deleted — and a fresh one created (and seeded, like a first start).
/// </summary>
internal static class SqliteSchema
{
    /// <summary>
    /// The SQLite twin of MySQL's initialization lock: two processes starting on one file (a second instance, the
    /// tests) must not both create, stamp or seed it, or one would see the other's half-made file as an old one. An
    /// exclusive lock on a file beside the database (FileShare.None is an OS file lock on every platform .NET runs on).
    /// </summary>
    public static async Task<IDisposable?> LockAsync(TicketMasterDbContext db, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return null;
        }

        var path = Path.GetFullPath(file + ".init-lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process is initializing; it takes seconds (demo data) at most.
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }
    }

    public static async Task EnsureCurrentAsync(TicketMasterDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var generation = db.Database.GetMigrations().Count();
        if (!await db.Database.EnsureCreatedAsync(cancellationToken) && await StampAsync(db, cancellationToken) is var stamp && stamp != generation)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var aside = $"{file}.generation-{stamp}-{DateTime.UtcNow:yyyyMMddHHmmss}.old";
            await db.Database.CloseConnectionAsync();
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(file + suffix))
                {
                    File.Move(file + suffix, aside + suffix);
                }
            }

            logger.LogWarning(
                "{File} was created by another build of TicketMaster (schema generation {Old}, this build's is {New}); it is kept as {Aside} and a new database is created",
                file, stamp, generation, aside);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }

        // PRAGMA takes no parameters; the value is an int this build computed.
        await db.Database.ExecuteSqlRawAsync("PRAGMA user_version = " + generation.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
    }

    private static async Task<int> StampAsync(TicketMasterDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>("SELECT user_version AS Value FROM pragma_user_version").SingleAsync(cancellationToken);
}
