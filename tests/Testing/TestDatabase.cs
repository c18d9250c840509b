using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using TicketMaster.DemoData;
using TicketMaster.Persistence;

namespace TicketMaster.Testing;

/// <summary>
/// A database of a test class's own, on either provider, with the schema created the way the
/// app creates it (migrations on MariaDB, the model on SQLite).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;

    private TestDatabase(DatabaseOptions options, string? sqliteDirectory)
    {
        Options = options;
        _sqliteDirectory = sqliteDirectory;
    }

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public string ConnectionString => Options.ConnectionString;

    /// <summary>The configuration keys that point the Api or Indexer at this database.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:ServerVersion"] = Options.ServerVersion,
        [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = ConnectionString,
    };

    /// <summary>An empty database: no schema yet.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider, string name)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("tm-sqlite-").FullName;
            var connectionString = $"Data Source={Path.Combine(directory, $"{name}.db")};Default Timeout=30";
            return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }, directory);
        }

        var server = await MariaDbServer.GetAsync();
        var options = new DatabaseOptions { Provider = provider, ServerVersion = server.ServerVersion, ConnectionString = await server.CreateDatabaseAsync(name) };
        return new TestDatabase(options, null);
    }

    /// <summary>A database with the current schema and no data.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string name)
    {
        var database = await CreateEmptyAsync(provider, name);
        await database.InitializeAsync(new DemoDataOptions { Size = DemoDataSize.None });
        return database;
    }

    public async Task InitializeAsync(DemoDataOptions demoData, TimeProvider? clock = null)
    {
        await using var db = CreateContext();
        var initializer = new DatabaseInitializer(db, Options, clock ?? TimeProvider.System, NullLogger<DatabaseInitializer>.Instance);
        await initializer.InitializeAsync(demoData, CancellationToken.None);
    }

    public TicketMasterDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<TicketMasterDbContext>();
        DatabaseRegistration.Configure(builder, Options).AddInterceptors(interceptors);
        return new TicketMasterDbContext(builder.Options);
    }

    public ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
