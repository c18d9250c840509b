using TicketMaster.Common;
using TicketMaster.Venues;

namespace TicketMaster.Domain.Tests.Venues;

public sealed class SeatMapTests
{
    [Fact]
    public void Capacity_is_the_number_of_seats_in_the_map()
    {
        var venue = TestData.Venue(rows: 3, seatsPerRow: 4);

        Assert.Equal(24, venue.Capacity);
        Assert.Equal(12, venue.Sections[0].Capacity);
    }

    [Fact]
    public void Rows_count_from_the_stage()
    {
        var section = TestData.Venue().AddSection("Balcony");

        var front = section.AddRow("A");
        var back = section.AddRow("B");

        Assert.Equal((1, 2), (front.Position, back.Position));
    }

    [Fact]
    public void Names_and_numbers_in_a_seat_map_are_unique_where_a_person_would_expect()
    {
        var venue = TestData.Venue();
        var stalls = venue.Sections[0];

        Assert.Throws<DuplicateSeatMapEntryException>(() => venue.AddSection("stalls"));
        Assert.Throws<DuplicateSeatMapEntryException>(() => stalls.AddRow("a"));
        Assert.Throws<DuplicateSeatMapEntryException>(() => stalls.Rows[0].AddSeat(1, 0, 0));
        Assert.Throws<InvalidFieldException>(() => stalls.Rows[0].AddSeat(0, 0, 0));
    }

    [Theory]
    [InlineData("Germany", 52.5, 13.4, "Europe/Berlin")]
    [InlineData("DE", 91, 13.4, "Europe/Berlin")]
    [InlineData("DE", 52.5, 181, "Europe/Berlin")]
    [InlineData("DE", 52.5, 13.4, "Mars/Olympus_Mons")]
    public void A_venue_needs_a_real_place_and_time_zone(string country, double latitude, double longitude, string timeZone)
    {
        Assert.Throws<InvalidFieldException>(() => Venue.Create("Hall", "1 Street", "Berlin", country, latitude, longitude, timeZone));
    }
}
