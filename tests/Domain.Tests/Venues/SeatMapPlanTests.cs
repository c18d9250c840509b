using TicketMaster.Common;
using TicketMaster.Venues;

namespace TicketMaster.Domain.Tests.Venues;

/// <summary>The compact layout's geometry and checks, without a database.</summary>
public sealed class SeatMapPlanTests
{
    private static Venue EmptyVenue() => Venue.Create("Plan Hall", "1 Street", "Berlin", "DE", 52.5, 13.4, "Europe/Berlin");

    [Fact]
    public void A_straight_block_places_seats_by_spacing_and_rows_back_from_the_front()
    {
        var venue = EmptyVenue();

        new SeatMapPlan([new SectionPlan("Stalls", new SeatBlock(["A", "B"], 3, X: 1, Y: 2, SeatSpacing: 0.5, RowSpacing: 1))]).BuildOn(venue);

        var seats = venue.AllSeats().Select(s => (s.Row!.Label, s.Number, s.X, s.Y)).ToList();
        Assert.Equal([("A", 1, 1.0, 2.0), ("A", 2, 1.5, 2.0), ("A", 3, 2.0, 2.0), ("B", 1, 1.0, 3.0), ("B", 2, 1.5, 3.0), ("B", 3, 2.0, 3.0)], seats);
    }

    [Fact]
    public void A_turned_block_turns_about_its_first_seat_and_numbers_start_where_asked()
    {
        var venue = EmptyVenue();

        new SeatMapPlan([new SectionPlan("Side", new SeatBlock(["A"], 2, X: 0, Y: 0, SeatSpacing: 1, Angle: 90, FirstSeatNumber: 7))]).BuildOn(venue);

        var seats = venue.AllSeats().Select(s => (s.Number, s.X, s.Y)).ToList();
        Assert.Equal([(7, 0.0, 0.0), (8, 0.0, 1.0)], seats);
    }

    [Fact]
    public void Curvature_brings_the_row_ends_towards_the_stage_and_staggering_shifts_each_row()
    {
        var venue = EmptyVenue();

        new SeatMapPlan([new SectionPlan("Bowl", new SeatBlock(["A", "B"], 3, X: 0, Y: 10, SeatSpacing: 1, RowSpacing: 1, Curvature: 0.5, RowOffset: 0.25))]).BuildOn(venue);

        var rows = venue.AllSeats().GroupBy(s => s.Row!.Label).ToDictionary(g => g.Key, g => g.Select(s => (s.X, s.Y)).ToList());
        Assert.Equal([(0.0, 9.5), (1.0, 10.0), (2.0, 9.5)], rows["A"]);
        Assert.Equal([(0.25, 10.5), (1.25, 11.0), (2.25, 10.5)], rows["B"]);
    }

    [Fact]
    public void A_standing_area_becomes_its_capacity_in_places_inside_its_rectangle()
    {
        var venue = EmptyVenue();

        new SeatMapPlan([new SectionPlan("Floor", Standing: new StandingArea(10, X: 0, Y: 0, Width: 4, Depth: 2))]).BuildOn(venue);

        var floor = Assert.Single(venue.Sections);
        Assert.True(floor.IsStanding);
        Assert.Equal(10, floor.Capacity);
        Assert.All(floor.Rows.SelectMany(r => r.Seats), place => Assert.True(place.X is > 0 and < 4 && place.Y is > 0 and < 2, $"{place.X},{place.Y} is outside the area"));
        Assert.Equal(10, floor.Rows.SelectMany(r => r.Seats).Select(p => (p.X, p.Y)).Distinct().Count());
    }

    [Fact]
    public void A_map_over_the_limit_is_refused_before_any_seat_is_built()
    {
        var venue = EmptyVenue();
        var labels = Enumerable.Range(1, 1_000).Select(r => $"{r}").ToList();

        var refused = Assert.Throws<SeatMapTooLargeException>(() => new SeatMapPlan([new SectionPlan("Huge", new SeatBlock(labels, 101, 0, 0))]).BuildOn(venue));

        Assert.Equal((101_000, SeatMapPlan.MaxPlaces), (refused.Places, refused.Limit));
        Assert.Empty(venue.Sections);
    }

    [Fact]
    public void A_section_must_be_exactly_one_kind_and_not_empty()
    {
        Assert.Throws<InvalidFieldException>(() => new SeatMapPlan([new SectionPlan("Both", new SeatBlock(["A"], 1, 0, 0), Standing: new StandingArea(5, 0, 0, 1, 1))]).BuildOn(EmptyVenue()));
        Assert.Throws<EmptySectionException>(() => new SeatMapPlan([new SectionPlan("None", Rows: [])]).BuildOn(EmptyVenue()));
        Assert.Throws<InvalidFieldException>(() => new SeatMapPlan([]).BuildOn(EmptyVenue()));
    }

    [Fact]
    public void A_seat_further_than_two_kilometres_or_not_a_number_is_out_of_range()
    {
        var far = Assert.Throws<SeatOutOfRangeException>(() => new SeatMapPlan([new SectionPlan("Far", Rows: [new RowPlan("A", [new SeatPlan(1, 2_000.5, 0)])])]).BuildOn(EmptyVenue()));
        Assert.Throws<SeatOutOfRangeException>(() => new SeatMapPlan([new SectionPlan("NaN", Rows: [new RowPlan("A", [new SeatPlan(1, double.NaN, 0)])])]).BuildOn(EmptyVenue()));

        Assert.Equal(("Far", "A", 1, 2_000.5), (far.SectionName, far.RowLabel, far.Number, far.Coordinate));
    }

    [Fact]
    public void A_file_round_trips_and_an_unknown_key_is_a_format_error_with_its_path()
    {
        var plan = new SeatMapPlan([new SectionPlan("Stalls", Rows: [new RowPlan("A", [new SeatPlan(1, 0.5, 2, true)])], IsStanding: false)]);

        var read = SeatMapJson.Read(SeatMapJson.Write(plan));
        var unknown = Assert.Throws<SeatMapFormatException>(() => SeatMapJson.Read("""{ "format": "ticketmaster.seat-map/1", "sections": [ { "name": "A", "colour": "red" } ] }"""));

        Assert.Equal(("Stalls", "A", new SeatPlan(1, 0.5, 2, true)), (read.Sections[0].Name, read.Sections[0].Rows![0].Label, read.Sections[0].Rows![0].Seats[0]));
        Assert.Contains("colour", unknown.Problem);
    }
}
