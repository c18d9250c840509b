using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TicketMaster.Bench.Harness;
using TicketMaster.DemoData;
using TicketMaster.Events;
using TicketMaster.Persistence;

namespace TicketMaster.Bench.Search;

/// <summary>
/// The catalogue both search scenarios run on: a SQLite database with the demo data, topped up
/// with generated events (names, line-ups and prices, no seat inventory: 100,000 events of real
/// inventory would be billions of rows), and the real Api on it with the Lucene index and its
/// in-process indexer, started only once the index holds every searchable event.
/// </summary>
public sealed class SearchCatalogSetup : IDisposable
{
    private readonly bool _keep;

    private SearchCatalogSetup(string directory, bool keep, ApiServer api, string connectionString, int searchable, double seedSeconds, double indexSeconds)
    {
        Directory = directory;
        _keep = keep;
        Api = api;
        ConnectionString = connectionString;
        SearchableEvents = searchable;
        SeedSeconds = seedSeconds;
        IndexSeconds = indexSeconds;
    }

    public string Directory { get; }

    public ApiServer Api { get; }

    public string ConnectionString { get; }

    public int SearchableEvents { get; }

    public double SeedSeconds { get; }

    /// <summary>From the Api's start to the first build of the index holding every searchable event.</summary>
    public double IndexSeconds { get; }

    public static async Task<SearchCatalogSetup> PrepareAsync(SearchBenchOptions options)
    {
        // A kept catalogue is topped up, not rebuilt: the demo data loads only into an empty database,
        // events are generated only up to --events, and the Api reopens its index at its checkpoint.
        var directory = options.CatalogDirectory is { } kept
            ? System.IO.Directory.CreateDirectory(kept).FullName
            : System.IO.Directory.CreateTempSubdirectory("tm-bench-search-").FullName;
        var connectionString = $"Data Source={Path.Combine(directory, "ticketmaster.db")};Default Timeout=30";
        var databaseOptions = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString };
        var stopwatch = Stopwatch.StartNew();
        int searchable;
        await using (var db = Context(databaseOptions))
        {
            await new DatabaseInitializer(db, databaseOptions, TimeProvider.System, NullLogger<DatabaseInitializer>.Instance)
                .InitializeAsync(new DemoDataOptions { Size = options.Size, Seed = 2026 }, CancellationToken.None);
            var existing = await db.Events.CountAsync();
            Log($"demo data {options.Size}: {existing:N0} events in {stopwatch.Elapsed.TotalSeconds:0.0} s");
            if (options.Events > existing)
            {
                await GeneratedEvents.AddAsync(db, options.Events - existing, options.Seed);
            }

            searchable = await db.Events.CountAsync(e => e.Status == EventStatus.OnSale || e.Status == EventStatus.SoldOut || e.Status == EventStatus.Completed);
        }

        var seedSeconds = stopwatch.Elapsed.TotalSeconds;
        Log($"catalogue: {searchable:N0} searchable events after {seedSeconds:0.0} s");

        stopwatch.Restart();
        var api = await ApiServer.StartAsync(options.ApiDll, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__TicketMaster"] = connectionString,
            ["Search__IndexPath"] = Path.Combine(directory, "search"),
        });
        using var http = GraphQLClient.CreateHttpClient(api.BaseAddress, 4);
        var client = new GraphQLClient(http);
        while (await CountAsync(client) < searchable)
        {
            // The Api builds the index from the database on its first indexer run; a bench may poll.
            await Task.Delay(250);
        }

        var indexSeconds = stopwatch.Elapsed.TotalSeconds;
        Log($"api: {api.BaseAddress} (pid {api.Process.Id}); index of {searchable:N0} events ready {indexSeconds:0.0} s after start");
        return new SearchCatalogSetup(directory, options.CatalogDirectory is not null, api, connectionString, searchable, seedSeconds, indexSeconds);
    }

    public static TicketMasterDbContext Context(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<TicketMasterDbContext>();
        DatabaseRegistration.Configure(builder, options);
        return new TicketMasterDbContext(builder.Options);
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    public void Dispose()
    {
        Api.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_keep)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }

    private static async Task<int> CountAsync(GraphQLClient client)
    {
        try
        {
            return await client.SendAsync(
                "{ searchEvents(where: { startsAt: { gte: \"2000-01-01T00:00:00Z\" } }, first: 0) { totalCount } }",
                new { }, null, data => data.GetProperty("searchEvents").GetProperty("totalCount").GetInt32(), CancellationToken.None);
        }
        catch (GraphQLRequestException)
        {
            return -1;
        }
    }
}

/// <summary>Events made up from the demo data's venues and performers, bulk-inserted with explicit keys.</summary>
internal static class GeneratedEvents
{
    private static readonly string[] Themes = ["Live", "Tour", "Night", "Festival", "Unplugged", "Gala", "Showcase", "Sessions", "Revue", "Spectacular"];

    public static async Task AddAsync(TicketMasterDbContext db, int count, int seed)
    {
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(seed);
        var venues = await db.Venues.Include(v => v.Sections).AsNoTracking().ToListAsync();
        var performers = await db.Performers.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync();
        var organizer = await db.Users.Select(u => u.Id).FirstAsync();
        var nextId = (await db.Events.MaxAsync(e => (int?)e.Id) ?? 0) + 1;
        var now = DateTime.UtcNow;
        var categories = Enum.GetValues<EventCategory>();
        for (var done = 0; done < count;)
        {
            var chunk = Math.Min(10_000, count - done);
            var events = new List<Event>(chunk);
            for (var i = 0; i < chunk; i++)
            {
                var venue = venues[random.Next(venues.Count)];
                var headliner = performers[random.Next(performers.Count)];
                var lineup = random.Next(3) == 0 ? new[] { headliner.Id, performers[random.Next(performers.Count)].Id }.Distinct().ToList() : [headliner.Id];
                var basePrice = random.Next(15, 150);
                var name = $"{headliner.Name} {Themes[random.Next(Themes.Length)]} {random.Next(1, 100).ToString(CultureInfo.InvariantCulture)}";
                var description = $"{DemoWords.Adjectives[random.Next(DemoWords.Adjectives.Length)]} {DemoWords.Nouns[random.Next(DemoWords.Nouns.Length)]} at {venue.Name}, {venue.City}.";
                var scheduled = Event.Schedule(name, description, categories[random.Next(categories.Length)], now.AddDays(random.Next(2, 366)).AddHours(random.Next(24)),
                    venue, organizer, "EUR", venue.Sections.ToDictionary(s => s.Id, s => (decimal)(basePrice + (s.Position * 5))), lineup, now);
                scheduled.AssignKey(nextId++);
                scheduled.PutOnSale();

                // Loaded as if before the indexer existed: the index is built from the database, not
                // from a backlog of outbox rows.
                scheduled.ClearDomainEvents();
                events.Add(scheduled);
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInserter.InsertAsync(db, events, CancellationToken.None);
            await BulkInserter.InsertAsync(db, events.SelectMany(e => e.Prices), CancellationToken.None);
            await BulkInserter.InsertAsync(db, events.SelectMany(e => e.Lineup), CancellationToken.None);
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
            done += chunk;
            SearchCatalogSetup.Log($"generated {done:N0} / {count:N0} events ({stopwatch.Elapsed.TotalSeconds:0.0} s)");
        }
    }
}
