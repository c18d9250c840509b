using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TicketMaster.Events;
using TicketMaster.Indexer.Documents;
using TicketMaster.Indexer.Lucene;
using TicketMaster.Indexer.Outbox;
using TicketMaster.Indexer.Search;
using TicketMaster.Outbox;
using TicketMaster.Performers;
using TicketMaster.Persistence;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.Indexer.Tests.Outbox;

/// <summary>A real database (SQLite or MariaDB), a Lucene index on disk and the indexer between them.</summary>
public sealed class IndexerRig : IAsyncDisposable
{
    private readonly string _indexPath = Directory.CreateTempSubdirectory("tm-rig-index-").FullName;

    public string IndexPath => _indexPath;

    private IndexerRig(TestDatabase database)
    {
        Database = database;
        Index = new LuceneSearchIndex(_indexPath);
    }

    public TestDatabase Database { get; }

    public LuceneSearchIndex Index { get; private set; }

    public IndexerOptions Options { get; } = new() { BatchSize = 10 };

    public static async Task<IndexerRig> CreateAsync(DatabaseProvider provider, string name) =>
        new(await TestDatabase.CreateAsync(provider, name));

    public OutboxIndexer Indexer() => Indexer(Index);

    public OutboxIndexer Indexer(ISearchIndex index)
    {
        var factory = new Factory(Database);
        return new OutboxIndexer(factory, index, new EventDocumentBuilder(factory, TimeProvider.System), Options, TimeProvider.System, NullLogger<OutboxIndexer>.Instance);
    }

    public EventDocumentBuilder Documents() => new(new Factory(Database), TimeProvider.System);

    /// <summary>As after a process restart: a new adapter over the same folder.</summary>
    public void Restart()
    {
        Index.Dispose();
        Index = new LuceneSearchIndex(_indexPath);
    }

    public Task<SearchResult> SearchAsync(string? term = null, int limit = 50) =>
        Index.SearchAsync(new SearchQuery(term, Limit: limit, Order: SearchOrder.Date), CancellationToken.None);

    /// <summary>Concerts on sale at one small venue, "Show 1" … "Show n", with no outbox messages (as if seeded before the indexer existed).</summary>
    public async Task<List<int>> SeedEventsAsync(int count, params (string Name, EventStatus Status)[] extra)
    {
        await using var db = Database.CreateContext();
        var organizer = TestData.User("olga", Role.Organizer);
        var venue = TestData.Venue("Riverside Hall", rows: 1, seatsPerRow: 4);
        var performer = Performer.Create("The Velvet Comets", "Indie rock.", "Indie");
        db.AddRange(organizer, venue, performer);
        await db.SaveChangesAsync();

        var events = Enumerable.Range(1, count).Select(i => (Name: $"Show {i}", Status: EventStatus.OnSale)).Concat(extra).Select((spec, i) =>
        {
            var e = Event.Schedule(spec.Name, "An evening by the river.", EventCategory.Concert, TestData.Now.AddDays(30 + i), venue, organizer.Id, "EUR",
                venue.Sections.ToDictionary(s => s.Id, s => s.Name == "Stalls" ? 80m : 50m), [performer.Id], TestData.Now);
            if (spec.Status != EventStatus.Draft)
            {
                e.PutOnSale();
            }

            if (spec.Status == EventStatus.Cancelled)
            {
                e.Cancel();
            }

            // Seeded as if before the indexer existed: nothing in the outbox, and no gap in its ids.
            e.ClearDomainEvents();
            return e;
        }).ToList();
        db.Events.AddRange(events);
        await db.SaveChangesAsync();
        foreach (var e in events)
        {
            await BulkInserter.InsertAsync(db, e.CreateInventory(venue), CancellationToken.None);
        }

        return events.Select(e => e.Id).ToList();
    }

    /// <summary>Renames events in the database and records one outbox message each, as a write through the Api would.</summary>
    public async Task RenameAsync(IEnumerable<int> eventIds, Func<int, string> name)
    {
        await using var db = Database.CreateContext();
        foreach (var id in eventIds)
        {
            await db.Events.Where(e => e.Id == id).ExecuteUpdateAsync(e => e.SetProperty(x => x.Name, name(id)));
            await AddMessageAsync(db, OutboxMessageTypes.EventScheduled, id);
        }
    }

    public async Task AddMessageAsync(TicketMasterDbContext db, string type, int eventId, DateTime? createdAt = null)
    {
        db.OutboxMessages.Add(OutboxMessage.Create(type, eventId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { EventId = eventId }, createdAt ?? DateTime.UtcNow.AddMinutes(-1)));
        await db.SaveChangesAsync();
    }

    public async Task<long> LastOutboxIdAsync()
    {
        await using var db = Database.CreateContext();
        return await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0;
    }

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        await Database.DisposeAsync();
        Directory.Delete(_indexPath, recursive: true);
    }

    private sealed class Factory(TestDatabase database) : IDbContextFactory<TicketMasterDbContext>
    {
        public TicketMasterDbContext CreateDbContext() => database.CreateContext();
    }
}
