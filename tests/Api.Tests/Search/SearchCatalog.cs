using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Events;
using TicketMaster.Indexer.Outbox;
using TicketMaster.Performers;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Search;

/// <summary>
/// The real Api over SQLite with a few events chosen for search, indexed by the Api's own
/// in-process indexer before the tests run. Published: The Eras Tour (Taylor Swift, Berlin, Mar),
/// Velvet Comets Live (Berlin, Jan), Bears vs Lions (London, sports, Feb), Novak Unplugged
/// (Amsterdam, comedy, Apr, sold out), Potsdam Jazz Night (Potsdam, Jan). Never found: a draft
/// and a cancelled event.
/// </summary>
public sealed class SearchCatalog : IAsyncLifetime
{
    private TestDatabase? _database;

    public ApiHost Api { get; private set; } = null!;

    public GraphQLClient Client => new(Api.CreateHttpClient());

    public Dictionary<string, int> EventIds { get; } = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "search");
        await SeedAsync(_database);
        Api = await ApiHost.StartAsync(new Dictionary<string, string?>(_database.AppSettings) { ["DemoData:Size"] = "None" });
        await IndexEverythingCommittedAsync();
    }

    /// <summary>Runs the Api's own indexer to the end of the outbox (it never overlaps the scheduled run).</summary>
    public Task IndexEverythingCommittedAsync() => Api.Services.GetRequiredService<OutboxIndexer>().CatchUpAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await _database!.DisposeAsync();
    }

    private async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var organizer = TestData.User("olga", Role.Organizer);
        var olympia = TestData.Venue("Olympiastadion", address: "Olympischer Platz 3");
        var riverside = TestData.Venue("Riverside Hall");
        var harbour = TestData.Venue("Harbour Arena", city: "London", country: "GB", latitude: 51.50, longitude: -0.12, timeZone: "Europe/London");
        var canal = TestData.Venue("Canal Club", city: "Amsterdam", country: "NL", latitude: 52.37, longitude: 4.89, timeZone: "Europe/Amsterdam");
        var nikolaisaal = TestData.Venue("Nikolaisaal", city: "Potsdam", latitude: 52.40, longitude: 13.06);
        var taylor = Performer.Create("Taylor Swift", "Pop superstar.", "Pop");
        var comets = Performer.Create("The Velvet Comets", "Indie rock from Leeds.", "Indie");
        var bears = Performer.Create("Berlin Bears", "Basketball team.", "Basketball");
        var novak = Performer.Create("Dmitri Novak", "Stand-up comedian.", "Stand-up");
        var luna = Performer.Create("Luna Vega", "Jazz singer.", "Jazz");
        db.AddRange(organizer, olympia, riverside, harbour, canal, nikolaisaal, taylor, comets, bears, novak, luna);
        await db.SaveChangesAsync();

        Event Schedule(string name, string description, EventCategory category, string startsAt, TicketMaster.Venues.Venue venue, decimal stalls, params Performer[] lineup) =>
            Event.Schedule(name, description, category, DateTime.Parse(startsAt, null, System.Globalization.DateTimeStyles.AdjustToUniversal), venue, organizer.Id, "EUR",
                venue.Sections.ToDictionary(s => s.Id, s => s.Name == "Stalls" ? stalls : 30m), lineup.Select(p => p.Id).ToList(), TestData.Now);

        var events = new[]
        {
            Schedule("The Eras Tour", "Stadium pop spectacle.", EventCategory.Concert, "2027-03-01T18:00:00Z", olympia, 300m, taylor),
            Schedule("Velvet Comets Live", "An indie night by the river.", EventCategory.Concert, "2027-01-10T19:00:00Z", riverside, 80m, comets),
            Schedule("Bears vs Lions", "Basketball derby.", EventCategory.Sports, "2027-02-10T19:00:00Z", harbour, 45m, bears),
            Schedule("Novak Unplugged", "Stand-up, strictly 16+.", EventCategory.Comedy, "2027-04-10T19:00:00Z", canal, 40m, novak),
            Schedule("Potsdam Jazz Night", "Swing and bebop with Luna Vega.", EventCategory.Concert, "2027-01-20T19:00:00Z", nikolaisaal, 60m, luna),
            Schedule("Secret Taylor Draft", "Not announced yet.", EventCategory.Concert, "2027-05-10T19:00:00Z", olympia, 100m, taylor),
            Schedule("Cancelled Taylor Gala", "Called off.", EventCategory.Other, "2027-06-10T19:00:00Z", olympia, 100m, taylor),
        };
        foreach (var published in events.Where(e => !e.Name.StartsWith("Secret", StringComparison.Ordinal)))
        {
            published.PutOnSale();
        }

        events[3].MarkSoldOut();
        events[^1].Cancel();
        db.Events.AddRange(events);
        await db.SaveChangesAsync();
        foreach (var e in events)
        {
            await BulkInserter.InsertAsync(db, e.CreateInventory(e.Venue!), CancellationToken.None);
            EventIds[e.Name] = e.Id;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SearchCatalogCollection : ICollectionFixture<SearchCatalog>
{
    public const string Name = "Search catalog";
}
