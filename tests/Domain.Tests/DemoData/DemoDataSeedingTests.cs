using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.DemoData;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.DemoData;

public sealed class DemoDataSeedingTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task An_empty_database_gets_the_small_demo_data_once(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(TestData.Now);
        var options = new DemoDataOptions { Size = DemoDataSize.Small, Seed = 11 };
        var expected = DemoDataGenerator.Generate(options.Size, options.Seed, TestData.Now.Date);
        await using var database = await TestDatabase.CreateEmptyAsync(provider, "seed");

        await database.InitializeAsync(options, clock);
        await database.InitializeAsync(options, clock);

        await using var db = database.CreateContext();
        Assert.Equal(expected.Users.Count, await db.Users.CountAsync());
        Assert.Equal(expected.Venues.Count, await db.Venues.CountAsync());
        Assert.Equal(expected.Venues.Sum(v => v.Capacity), await db.Seats.CountAsync());
        Assert.Equal(expected.Performers.Count, await db.Performers.CountAsync());
        Assert.Equal(expected.Events.Count, await db.Events.CountAsync());
        Assert.Equal(expected.Inventory().Count(), await db.EventSeats.CountAsync());
        Assert.Equal(
            expected.Events.Select(e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            (await db.OutboxMessages.Where(m => m.Type == OutboxMessageTypes.EventScheduled).Select(m => m.AggregateId).ToListAsync()).Order());

        var stadium = await db.Venues.OrderByDescending(v => v.Sections.SelectMany(s => s.Rows).SelectMany(r => r.Seats).Count()).FirstAsync();
        var stadiumEvent = await db.Events.Include(e => e.Performers).FirstAsync(e => e.VenueId == stadium.Id);
        var expectedEvent = expected.Events.Single(e => e.Id == stadiumEvent.Id);
        Assert.Equal((expectedEvent.Name, expectedEvent.StartsAt), (stadiumEvent.Name, stadiumEvent.StartsAt));
        Assert.Equal(expectedEvent.Lineup.Select(l => l.PerformerId).Order(), stadiumEvent.Performers.Select(p => p.Id).Order());
    }
}
