using System.Text;
using TicketMaster.DemoData;
using TicketMaster.Events;

namespace TicketMaster.Domain.Tests.DemoData;

public sealed class DemoDataGeneratorTests
{
    private static readonly DateTime Anchor = new(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Lazy<DemoDataSet> Small = new(() => DemoDataGenerator.Generate(DemoDataSize.Small, 2026, Anchor));

    [Fact]
    public void The_same_seed_and_day_give_the_same_data_and_another_seed_does_not()
    {
        var first = Fingerprint(DemoDataGenerator.Generate(DemoDataSize.Small, 7, Anchor));
        var again = Fingerprint(DemoDataGenerator.Generate(DemoDataSize.Small, 7, Anchor));
        var other = Fingerprint(DemoDataGenerator.Generate(DemoDataSize.Small, 8, Anchor));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Small_data_has_a_stadium_a_theatre_and_smaller_venues_in_several_cities()
    {
        var venues = Small.Value.Venues;

        Assert.Contains(venues, v => v.Capacity >= 20_000 && v.Sections.Count >= 40);
        Assert.Contains(venues, v => v.Capacity is >= 2_300 and <= 2_700 && v.Name.Contains("Theatre", StringComparison.Ordinal));
        Assert.True(venues.Count(v => v.Capacity < 2_000) >= 5);
        Assert.True(venues.Select(v => v.City).Distinct().Count() >= 5);
    }

    [Fact]
    public void Small_data_spreads_events_over_every_category_and_the_next_twelve_months()
    {
        var events = Small.Value.Events;

        Assert.True(Small.Value.Performers.Count >= 200);
        Assert.Equal(Enum.GetValues<EventCategory>().Order(), events.Select(e => e.Category).Distinct().Order());
        Assert.All(events, e => Assert.InRange(e.StartsAt, Anchor.AddDays(1), Anchor.AddDays(367)));
        Assert.True(events.Select(e => (e.StartsAt.Year, e.StartsAt.Month)).Distinct().Count() >= 11);
        Assert.True(events.Count(e => e.Status == EventStatus.OnSale) > events.Count * 0.8);
    }

    [Fact]
    public void Every_inventory_row_is_a_seat_of_the_events_venue_at_its_section_price()
    {
        var set = Small.Value;
        var venues = set.Venues.ToDictionary(v => v.Id);
        var inventory = set.Inventory().ToLookup(i => i.EventId);

        foreach (var @event in set.Events)
        {
            var venue = venues[@event.VenueId];
            var seats = venue.AllSeats().ToDictionary(s => s.Id);
            Assert.Equal(venue.Sections.Select(s => s.Id).Order(), @event.Prices.Select(p => p.SectionId).Order());
            Assert.Equal(venue.Capacity, inventory[@event.Id].Count());
            Assert.All(inventory[@event.Id], row =>
            {
                Assert.Equal(seats[row.SeatId].SectionId, row.SectionId);
                Assert.Equal(@event.PriceOf(row.SectionId), row.Price);
                Assert.True(row.Price > 0);
            });
        }
    }

    [Fact]
    public void No_venue_hosts_two_events_on_one_local_day()
    {
        var set = Small.Value;
        var zones = set.Venues.ToDictionary(v => v.Id, v => TimeZoneInfo.FindSystemTimeZoneById(v.TimeZone));

        var days = set.Events.Select(e => (e.VenueId, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.StartsAt, zones[e.VenueId])))).ToList();

        Assert.Equal(days.Count, days.Distinct().Count());
    }

    [Fact]
    public void Every_seat_map_is_drawable_with_distinct_positions()
    {
        foreach (var venue in Small.Value.Venues)
        {
            var positions = venue.AllSeats().Select(s => (s.X, s.Y)).ToList();
            Assert.Equal(positions.Count, positions.Distinct().Count());
            Assert.Contains(venue.AllSeats(), s => s.IsAccessible);
        }
    }

    [Fact]
    public void Large_data_has_a_thousand_events_and_millions_of_inventory_rows()
    {
        var large = DemoDataGenerator.Generate(DemoDataSize.Large, 2026, Anchor);
        var capacity = large.Venues.ToDictionary(v => v.Id, v => v.Capacity);

        Assert.Equal(1_000, large.Events.Count);
        Assert.True(large.Events.Sum(e => (long)capacity[e.VenueId]) > 2_000_000);
        Assert.True(large.Venues.Select(v => v.City).Distinct().Count() >= 20);
    }

    /// <summary>Everything a person would see, as text.</summary>
    private static string Fingerprint(DemoDataSet set)
    {
        var text = new StringBuilder();
        foreach (var user in set.Users)
        {
            text.AppendLine($"{user.Id} {user.Username} {user.Email} {user.Roles}");
        }

        foreach (var venue in set.Venues)
        {
            text.AppendLine($"{venue.Id} {venue.Name} {venue.Address} {venue.City} {venue.Latitude} {venue.Longitude} {venue.ManagerId}");
            foreach (var seat in venue.AllSeats())
            {
                text.Append($"{seat.Id}:{seat.SectionId}:{seat.RowId}:{seat.Number}:{seat.X}:{seat.Y};");
            }
        }

        foreach (var performer in set.Performers)
        {
            text.AppendLine($"{performer.Id} {performer.Name} {performer.Genre} {performer.Description}");
        }

        foreach (var @event in set.Events)
        {
            text.AppendLine($"{@event.Id} {@event.Name} {@event.Category} {@event.StartsAt:O} {@event.VenueId} {@event.Status} {@event.Description}");
            text.AppendLine(string.Join(",", @event.Prices.Select(p => $"{p.SectionId}={p.Price}")));
            text.AppendLine(string.Join(",", @event.Lineup.Select(p => p.PerformerId)));
        }

        return text.ToString();
    }
}
