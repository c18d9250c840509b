using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Catalog;

/// <summary>
/// What a seat-map page shows for "Luna Vega: Neon Tour" at Harbour Arena (2 sections × 3 rows × 4
/// seats): two seats on hold, one whose hold lapsed (so free again), one sold.
/// </summary>
public abstract class SeatMapTests(CatalogFixture catalog)
{
    private const string Query = """
        query($where: EventFilterInput) {
          events(first: 1, where: $where) {
            nodes {
              availability { total available held sold }
              priceRange { min { amount currency } max { amount currency } }
              sections { id name price { amount currency } available }
              venue { capacity sections { name capacity rows { label position seats { number x y isAccessible } } } }
              all: seats { id section { id name } row number label status price { amount currency } isAccessible }
              held: seats(status: HELD) { number }
              available: seats(status: AVAILABLE) { number }
            }
          }
        }
        """;

    [SkippableFact]
    public async Task The_seat_map_shows_holds_sales_and_lapsed_holds_as_a_buyer_should_see_them()
    {
        var @event = await EventAsync();

        Assert.Equal(new Availability(Total: 24, Available: 21, Held: 2, Sold: 1), @event.Availability);
        var sections = @event.Sections.ToDictionary(s => s.Name);
        Assert.Equal((new Money(80m, "EUR"), 9), (sections["Stalls"].Price, sections["Stalls"].Available));
        Assert.Equal((new Money(50m, "EUR"), 12), (sections["Circle"].Price, sections["Circle"].Available));
        Assert.Equal(new PriceRange(Min: new Money(50m, "EUR"), Max: new Money(80m, "EUR")), @event.PriceRange);

        var front = @event.All.Take(4).Select(s => (s.Row, s.Number, s.Status)).ToList();
        Assert.Equal([("A", 1, SeatStatus.Held), ("A", 2, SeatStatus.Held), ("A", 3, SeatStatus.Available), ("A", 4, SeatStatus.Sold)], front);
        Assert.Equal(("Stalls", "Stalls, row A, seat 3", new Money(80m, "EUR")), (@event.All[2].Section.Name, @event.All[2].Label, @event.All[2].Price));
        Assert.Equal(sections["Stalls"].Id, @event.All[2].Section.Id);
        Assert.Equal(2, @event.Held.Count);
        Assert.Equal(21, @event.Available.Count);
    }

    [SkippableFact]
    public async Task A_sections_seats_can_be_asked_for_alone_by_its_id()
    {
        var @event = await EventAsync();
        var circle = @event.Sections.Single(s => s.Name == "Circle").Id;

        var data = await catalog.Client.DataAsync<SectionSeatsData>(
            """query($id: ID!) { events(where: { name: { eq: "Luna Vega: Neon Tour" } }) { nodes { seats(sectionId: $id) { section { id name } status } } } }""",
            new { id = circle });

        var seats = data.Events.Nodes[0].Seats;
        Assert.Equal(12, seats.Count);
        Assert.All(seats, s => Assert.Equal((circle, "Circle", SeatStatus.Available), (s.Section.Id, s.Section.Name, s.Status)));
    }

    [SkippableFact]
    public async Task The_venue_seat_map_lists_sections_rows_front_to_back_and_drawable_seats()
    {
        var venue = (await EventAsync()).Venue;

        Assert.Equal(24, venue.Capacity);
        var stalls = venue.Sections[0];
        Assert.Equal(("Stalls", 12), (stalls.Name, stalls.Capacity));
        Assert.Equal(["A", "B", "C"], stalls.Rows.Select(r => r.Label));
        var firstRow = stalls.Rows[0].Seats;
        Assert.Equal([1, 2, 3, 4], firstRow.Select(s => s.Number));
        Assert.True(firstRow[0].IsAccessible);
        Assert.Equal(4, firstRow.Select(s => s.X).Distinct().Count());
    }

    private async Task<SeatMap> EventAsync()
    {
        var data = await catalog.Client.DataAsync<SeatMapData>(Query, new { where = new { name = new { eq = "Luna Vega: Neon Tour" } } });
        return data.Events.Nodes[0];
    }

    /// <summary>The GraphQL enum <c>SeatStatus</c>; a value the Api sends that is not here fails the read.</summary>
    private enum SeatStatus
    {
        Available,
        Held,
        Sold,
    }

    private sealed record SeatMapData(Connection<SeatMap> Events);

    private sealed record SeatMap(
        Availability Availability,
        PriceRange PriceRange,
        IReadOnlyList<EventSection> Sections,
        Venue Venue,
        IReadOnlyList<EventSeat> All,
        IReadOnlyList<NumberOnly> Held,
        IReadOnlyList<NumberOnly> Available);

    private sealed record Availability(int Total, int Available, int Held, int Sold);

    private sealed record PriceRange(Money Min, Money Max);

    private sealed record Money(decimal Amount, string Currency);

    private sealed record SectionRef(string Id, string Name);

    private sealed record EventSection(string Id, string Name, Money Price, int Available);

    private sealed record Venue(int Capacity, IReadOnlyList<VenueSection> Sections);

    private sealed record VenueSection(string Name, int Capacity, IReadOnlyList<SeatRow> Rows);

    private sealed record SeatRow(string Label, int Position, IReadOnlyList<DrawnSeat> Seats);

    private sealed record DrawnSeat(int Number, double X, double Y, bool IsAccessible);

    private sealed record EventSeat(string Id, SectionRef Section, string Row, int Number, string Label, SeatStatus Status, Money Price, bool IsAccessible);

    private sealed record NumberOnly(int Number);

    private sealed record SectionSeatsData(Connection<SeatsOf> Events);

    private sealed record SeatsOf(IReadOnlyList<SectionSeat> Seats);

    private sealed record SectionSeat(SectionRef Section, SeatStatus Status);
}
