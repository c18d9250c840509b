using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Events;
using TicketMaster.Performers;
using TicketMaster.Persistence;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.Api.Tests.Catalog;

/// <summary>
/// A small catalogue with known values, served by the real Api over HTTP, so every filter,
/// sort and page can be checked against names a person can verify by eye.
/// Published events by start: Velvet Comets Live, Luna Vega: Neon Tour, Bears vs Lions,
/// Novak Unplugged, Cancelled Gala (a draft, Secret Draft Show, is never listed).
/// </summary>
public abstract class CatalogFixture(DatabaseProvider provider) : SeededApi(provider, "catalog")
{
    protected override async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var organizer = TestData.User("olga", Role.Organizer);
        var riverside = TestData.Venue("Riverside Hall", rows: 2, seatsPerRow: 3, address: "1 Spree Ufer");
        var harbour = TestData.Venue("Harbour Arena", rows: 3, seatsPerRow: 4, city: "London", country: "GB", latitude: 51.50, longitude: -0.12, timeZone: "Europe/London", address: "2 Dock Road");
        var canal = TestData.Venue("Canal Club", rows: 1, seatsPerRow: 2, city: "Amsterdam", country: "NL", latitude: 52.37, longitude: 4.89, timeZone: "Europe/Amsterdam", address: "3 Gracht");
        var comets = Performer.Create("The Velvet Comets", "Indie rock from Leeds.", "Indie");
        var luna = Performer.Create("Luna Vega", "Pop singer-songwriter.", "Pop");
        var bears = Performer.Create("Berlin Bears", "Professional basketball team.", "Basketball");
        var novak = Performer.Create("Dmitri Novak", "Stand-up comedian.", "Stand-up");
        db.AddRange(organizer, riverside, harbour, canal, comets, luna, bears, novak);
        await db.SaveChangesAsync();

        Event Schedule(string name, string description, EventCategory category, string startsAt, Venue venue, params Performer[] lineup) =>
            Event.Schedule(name, description, category, DateTime.Parse(startsAt, null, System.Globalization.DateTimeStyles.AdjustToUniversal), venue, organizer.Id, "EUR",
                venue.Sections.ToDictionary(s => s.Id, s => s.Name == "Stalls" ? 80m : 50m), lineup.Select(p => p.Id).ToList(), TestData.Now);

        var events = new[]
        {
            Schedule("Velvet Comets Live", "An indie night by the river.", EventCategory.Concert, "2027-01-10T19:00:00Z", riverside, comets),
            Schedule("Luna Vega: Neon Tour", "Pop spectacle with special guests.", EventCategory.Concert, "2027-02-10T19:00:00Z", harbour, luna, comets),
            Schedule("Bears vs Lions", "Basketball derby.", EventCategory.Sports, "2027-03-10T19:00:00Z", harbour, bears),
            Schedule("Novak Unplugged", "Stand-up, strictly 16+.", EventCategory.Comedy, "2027-04-10T19:00:00Z", canal, novak),
            Schedule("Secret Draft Show", "Not announced yet.", EventCategory.Concert, "2027-05-10T19:00:00Z", riverside, luna),
            Schedule("Cancelled Gala", "Called off.", EventCategory.Other, "2027-06-10T19:00:00Z", riverside),
        };
        foreach (var published in events.Where(e => e.Name != "Secret Draft Show"))
        {
            published.PutOnSale();
        }

        events[^1].Cancel();
        db.Events.AddRange(events);
        await db.SaveChangesAsync();
        foreach (var scheduled in events)
        {
            await BulkInserter.InsertAsync(db, scheduled.CreateInventory(scheduled.Venue!), CancellationToken.None);
        }

        // Luna Vega's seats 1-4 of the front Stalls row: two held now, one whose hold lapsed, one sold.
        var lunaTour = events[1];
        var front = harbour.Sections.Single(s => s.Name == "Stalls").Rows[0].Seats.Select(seat => seat.Id).ToList();
        var seats = await db.EventSeats.Where(s => s.EventId == lunaTour.Id && front.Contains(s.SeatId)).OrderBy(s => s.SeatId).ToListAsync();
        var now = DateTime.UtcNow;
        var (active, lapsed, sold) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        seats[0].PlaceHold(active, now.AddHours(1), now);
        seats[1].PlaceHold(active, now.AddHours(1), now);
        seats[2].PlaceHold(lapsed, now.AddMinutes(-1), now.AddMinutes(-11));
        seats[3].PlaceHold(sold, now.AddHours(1), now);
        seats[3].Sell(sold, Guid.NewGuid());
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteCatalog() : CatalogFixture(DatabaseProvider.Sqlite);

public sealed class MariaDbCatalog() : CatalogFixture(DatabaseProvider.MySql);
