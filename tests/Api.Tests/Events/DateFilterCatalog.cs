using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Events;
using TicketMaster.Indexer.Outbox;
using TicketMaster.Persistence;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.Api.Tests.Events;

/// <summary>
/// Shows around 1 March 2027 at venues far apart, served by the real Api and indexed by its own
/// indexer. Where the day at the venue and the day in UTC disagree:
/// Sydney Dawn (28 Feb 14:00 UTC, 1 Mar 01:00 in Sydney), LA Late Show (1 Mar 06:00 UTC, 28 Feb
/// 22:00 in Los Angeles); and Berlin Matinee (1 Mar both ways), Berlin Spring (2 Mar).
/// Sydney Dawn's venue-local start is erased before the Api starts, as on a row written before
/// the column existed: the Api's startup backfill must restore it.
/// </summary>
public abstract class DateFilterCatalog(DatabaseProvider provider) : SeededApi(provider, "dates")
{
    protected override Task StartedAsync(ApiHost api) => api.Services.GetRequiredService<OutboxIndexer>().CatchUpAsync(CancellationToken.None);

    protected override async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var organizer = TestData.User("dora", Role.Organizer);
        var opera = TestData.Venue("Harbour Opera", city: "Sydney", country: "AU", latitude: -33.86, longitude: 151.21, timeZone: "Australia/Sydney");
        var bowl = TestData.Venue("Canyon Bowl", city: "Los Angeles", country: "US", latitude: 34.11, longitude: -118.34, timeZone: "America/Los_Angeles");
        var hall = TestData.Venue("Spree Hall");
        db.AddRange(organizer, opera, bowl, hall);
        await db.SaveChangesAsync();

        Event Schedule(string name, string startsAt, Venue venue) =>
            Event.Schedule(name, "A show.", EventCategory.Concert, DateTime.Parse(startsAt, null, System.Globalization.DateTimeStyles.AdjustToUniversal), venue, organizer.Id, "EUR",
                venue.Sections.ToDictionary(s => s.Id, _ => 40m), [], TestData.Now);

        var events = new[]
        {
            Schedule("Sydney Dawn", "2027-02-28T14:00:00Z", opera),
            Schedule("LA Late Show", "2027-03-01T06:00:00Z", bowl),
            Schedule("Berlin Matinee", "2027-03-01T12:00:00Z", hall),
            Schedule("Berlin Spring", "2027-03-02T19:00:00Z", hall),
        };
        foreach (var show in events)
        {
            show.PutOnSale();
        }

        db.Events.AddRange(events);
        await db.SaveChangesAsync();
        await db.Events.Where(e => e.Name == "Sydney Dawn").ExecuteUpdateAsync(set => set.SetProperty(e => e.StartsAtLocal, (DateTime?)null));
    }
}

public sealed class SqliteDateFilterCatalog() : DateFilterCatalog(DatabaseProvider.Sqlite);

public sealed class MariaDbDateFilterCatalog() : DateFilterCatalog(DatabaseProvider.MySql);
