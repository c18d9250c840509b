using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Events;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Caching;

/// <summary>
/// A cached event page is never shown after its event changed: the rename's outbox row evicts it.
/// On SQLite and MariaDB, since the eviction reads the outbox of each.
/// </summary>
public abstract class ResponseCacheEvictionTests(ResponseCacheEvictionTests.Catalog catalog)
{
    private const string Page = "/graphql?query=%7B%20events(first%3A%2010)%20%7B%20nodes%20%7B%20name%20%7D%20%7D%20%7D";

    [Fact]
    public async Task A_renamed_event_is_shown_renamed_once_the_outbox_recorded_it()
    {
        using var http = catalog.Http;
        var first = await http.GetStringAsync(new Uri(Page, UriKind.Relative));
        using (var hit = await http.GetAsync(new Uri(Page, UriKind.Relative)))
        {
            Assert.NotNull(hit.Headers.Age);
        }

        await using (var db = catalog.Database.CreateContext())
        {
            var show = await db.Events.SingleAsync(e => e.Name == "Cached Matinee");
            show.Rename("Renamed Matinee", show.Description);
            await db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(15);
        string answer;
        while (!(answer = await http.GetStringAsync(new Uri(Page, UriKind.Relative))).Contains("Renamed Matinee", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still cached after the rename: {answer}");
            await Task.Delay(100);
        }

        Assert.Contains("Cached Matinee", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Cached Matinee", answer, StringComparison.Ordinal);
    }

    public abstract class Catalog(DatabaseProvider provider) : SeededApi(provider, "respcache")
    {
        private TestDatabase? _database;

        public TestDatabase Database => _database!;

        public HttpClient Http
        {
            get
            {
                _ = Client; // skips the test when the provider is unavailable
                return Api!.CreateHttpClient();
            }
        }

        protected override async Task SeedAsync(TestDatabase database)
        {
            _database = database;
            await using var db = database.CreateContext();
            var organizer = TestData.User("olga", Role.Organizer);
            var hall = TestData.Venue("Cache Hall");
            db.AddRange(organizer, hall);
            await db.SaveChangesAsync();
            var show = Event.Schedule("Cached Matinee", "A show.", EventCategory.Concert, TestData.Now.AddDays(30), hall, organizer.Id, "EUR",
                hall.Sections.ToDictionary(s => s.Id, _ => 40m), [], TestData.Now);
            show.PutOnSale();
            db.Events.Add(show);
            await db.SaveChangesAsync();
        }
    }

    public sealed class SqliteCatalog() : Catalog(DatabaseProvider.Sqlite);

    public sealed class MariaDbCatalog() : Catalog(DatabaseProvider.MySql);
}

public sealed class ResponseCacheEvictionOnSqlite(ResponseCacheEvictionTests.SqliteCatalog catalog)
    : ResponseCacheEvictionTests(catalog), IClassFixture<ResponseCacheEvictionTests.SqliteCatalog>;

public sealed class ResponseCacheEvictionOnMariaDb(ResponseCacheEvictionTests.MariaDbCatalog catalog)
    : ResponseCacheEvictionTests(catalog), IClassFixture<ResponseCacheEvictionTests.MariaDbCatalog>;
