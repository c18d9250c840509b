using System.Text;
using TicketMaster.Api.Tests.Events;
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
              id
              availability { total available held sold }
              priceRange { min { amount currency } max { amount currency } }
              sections { id name price { amount currency } available }
              venue { id capacity sections { id name capacity } }
            }
          }
        }
        """;

    private const string SectionSeatsQuery = """
        query($id: ID!, $stalls: ID!, $circle: ID!) {
          eventById(id: $id) {
            stalls: seats(sectionId: $stalls) { id section { id name } row number label status price { amount currency } isAccessible }
            held: seats(sectionId: $stalls, status: HELD) { number }
            availableStalls: seats(sectionId: $stalls, status: AVAILABLE) { number }
            availableCircle: seats(sectionId: $circle, status: AVAILABLE) { number }
          }
        }
        """;

    [SkippableFact]
    public async Task The_seat_map_shows_holds_sales_and_lapsed_holds_as_a_buyer_should_see_them()
    {
        var @event = await EventAsync();
        var sections = @event.Sections.ToDictionary(s => s.Name);

        var seats = (await catalog.Client.DataAsync<SectionSeatsData>(SectionSeatsQuery, new { id = @event.Id, stalls = sections["Stalls"].Id, circle = sections["Circle"].Id })).EventById;

        Assert.Equal(new Availability(Total: 24, Available: 21, Held: 2, Sold: 1), @event.Availability);
        Assert.Equal((new Money(80m, "EUR"), 9), (sections["Stalls"].Price, sections["Stalls"].Available));
        Assert.Equal((new Money(50m, "EUR"), 12), (sections["Circle"].Price, sections["Circle"].Available));
        Assert.Equal(new PriceRange(Min: new Money(50m, "EUR"), Max: new Money(80m, "EUR")), @event.PriceRange);
        var front = seats.Stalls.Take(4).Select(s => (s.Row, s.Number, s.Status)).ToList();
        Assert.Equal([("A", 1, SeatStatus.Held), ("A", 2, SeatStatus.Held), ("A", 3, SeatStatus.Available), ("A", 4, SeatStatus.Sold)], front);
        Assert.Equal(("Stalls", "Stalls, row A, seat 3", new Money(80m, "EUR")), (seats.Stalls[2].Section.Name, seats.Stalls[2].Label, seats.Stalls[2].Price));
        Assert.All(seats.Stalls, s => Assert.Equal(sections["Stalls"].Id, s.Section.Id));
        Assert.Equal(2, seats.Held.Count);
        Assert.Equal(21, seats.AvailableStalls.Count + seats.AvailableCircle.Count);
    }

    [SkippableFact]
    public async Task The_compact_seat_map_has_each_seats_status_key_and_position_in_map_order()
    {
        var @event = await EventAsync();
        var stallsId = @event.Sections.Single(s => s.Name == "Stalls").Id;
        var seats = (await catalog.Client.DataAsync<SectionSeatsData>(SectionSeatsQuery, new { id = @event.Id, stalls = stallsId, circle = stallsId })).EventById.Stalls;

        var map = (await catalog.Client.DataAsync<CompactSeatMap.Data>(CompactSeatMap.Query, new { id = @event.Id })).EventById.SeatMap;

        Assert.Equal(["Stalls", "Circle"], map.Sections.Select(s => s.Section.Name));
        var stalls = map.Sections[0];
        Assert.Equal((stallsId, new CompactSeatMap.Money(80m, "EUR")), (stalls.Section.Id, stalls.Price));
        Assert.Equal([("A", "1-4", "HHAS"), ("B", "1-4", "AAAA"), ("C", "1-4", "AAAA")], stalls.Rows.Select(r => (r.Label, r.Numbers, r.Statuses)));
        Assert.All(map.Sections[1].Rows, r => Assert.Equal("AAAA", r.Statuses));
        Assert.Equal(seats.Select(s => s.Id), SeatIds(stalls.SeatKeys));
        Assert.Equal(seats.Where(s => s.IsAccessible).Select(s => s.Id), SeatIds(stalls.AccessibleSeatKeys));

        // The test venue's rows are straight: x is the seat number, y the row number.
        Assert.Null(stalls.Points);
        Assert.NotNull(stalls.Shape);
        Assert.Equal(new CompactSeatMap.Curve(new(1, 1), new(2.5, 1), new(4, 1)), stalls.Shape.Front);
        Assert.Equal(new CompactSeatMap.Curve(new(1, 3), new(2.5, 3), new(4, 3)), stalls.Shape.Back);
    }

    [SkippableFact]
    public async Task A_sections_seats_can_be_asked_for_alone_by_its_id()
    {
        var @event = await EventAsync();
        var circle = @event.Sections.Single(s => s.Name == "Circle").Id;

        var data = await catalog.Client.DataAsync<CircleSeatsData>(
            """query($id: ID!) { events(where: { name: { eq: "Luna Vega: Neon Tour" } }) { nodes { seats(sectionId: $id) { section { id name } status } } } }""",
            new { id = circle });

        var circleSeats = data.Events.Nodes[0].Seats;
        Assert.Equal(12, circleSeats.Count);
        Assert.All(circleSeats, s => Assert.Equal((circle, "Circle", SeatStatus.Available), (s.Section.Id, s.Section.Name, s.Status)));
    }

    [SkippableFact]
    public async Task The_venue_seat_map_lists_sections_rows_front_to_back_and_drawable_seats()
    {
        var venue = (await EventAsync()).Venue;

        var stalls = (await catalog.Client.DataAsync<SectionNodeData>(
            "query($id: ID!) { node(id: $id) { ... on Section { name capacity rows { label position seats { number x y isAccessible } } } } }", new { id = venue.Sections[0].Id })).Node;
        var map = (await catalog.Client.DataAsync<VenueMapData>(
            "query($id: ID!) { venueById(id: $id) { seatMap { sections { section { name } seatKeys rows { label numbers } } } } }", new { id = venue.Id })).VenueById.SeatMap;

        Assert.Equal(24, venue.Capacity);
        Assert.Equal([("Stalls", 12), ("Circle", 12)], venue.Sections.Select(s => (s.Name, s.Capacity)));
        Assert.Equal(["A", "B", "C"], stalls.Rows.Select(r => r.Label));
        var firstRow = stalls.Rows[0].Seats;
        Assert.Equal([1, 2, 3, 4], firstRow.Select(s => s.Number));
        Assert.True(firstRow[0].IsAccessible);
        Assert.Equal(4, firstRow.Select(s => s.X).Distinct().Count());
        Assert.Equal(["Stalls", "Circle"], map.Sections.Select(s => s.Section.Name));
        Assert.Equal([("A", "1-4"), ("B", "1-4"), ("C", "1-4")], map.Sections[0].Rows.Select(r => (r.Label, r.Numbers)));
        Assert.Equal(12, SeatIds(map.Sections[0].SeatKeys).Count());
    }

    [SkippableFact]
    public async Task The_seats_of_every_section_at_once_are_over_the_complexity_budget()
    {
        var venue = (await EventAsync()).Venue;

        var codes = await catalog.Client.ErrorCodesAsync("query($id: ID!) { venueById(id: $id) { sections { rows { seats { id } } } } }", new { id = venue.Id });

        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], codes);
    }

    /// <summary>Seat ids from <c>seatKeys</c>' ranges, as the field's description tells a client to compute them.</summary>
    internal static IEnumerable<string> SeatIds(string ranges) =>
        ranges.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(range => range.Split('-').Select(int.Parse).ToArray())
            .SelectMany(bounds => Enumerable.Range(bounds[0], bounds[^1] - bounds[0] + 1))
            .Select(key => Convert.ToBase64String(Encoding.UTF8.GetBytes($"Seat:{key}")));

    private async Task<EventPage> EventAsync()
    {
        var data = await catalog.Client.DataAsync<EventPageData>(Query, new { where = new { name = new { eq = "Luna Vega: Neon Tour" } } });
        return data.Events.Nodes[0];
    }

    /// <summary>The GraphQL enum <c>SeatStatus</c>; a value the Api sends that is not here fails the read.</summary>
    private enum SeatStatus
    {
        Available,
        Held,
        Sold,
    }

    private sealed record EventPageData(Connection<EventPage> Events);

    private sealed record EventPage(string Id, Availability Availability, PriceRange PriceRange, IReadOnlyList<EventSection> Sections, Venue Venue);

    private sealed record SectionSeatsData(SectionSeats EventById);

    private sealed record SectionSeats(IReadOnlyList<EventSeat> Stalls, IReadOnlyList<NumberOnly> Held, IReadOnlyList<NumberOnly> AvailableStalls, IReadOnlyList<NumberOnly> AvailableCircle);

    private sealed record Availability(int Total, int Available, int Held, int Sold);

    private sealed record PriceRange(Money Min, Money Max);

    private sealed record Money(decimal Amount, string Currency);

    private sealed record SectionRef(string Id, string Name);

    private sealed record EventSection(string Id, string Name, Money Price, int Available);

    private sealed record Venue(string Id, int Capacity, IReadOnlyList<VenueSection> Sections);

    private sealed record VenueSection(string Id, string Name, int Capacity);

    private sealed record SectionNodeData(SectionRows Node);

    private sealed record SectionRows(string Name, int Capacity, IReadOnlyList<SeatRow> Rows);

    private sealed record SeatRow(string Label, int Position, IReadOnlyList<DrawnSeat> Seats);

    private sealed record DrawnSeat(int Number, double X, double Y, bool IsAccessible);

    private sealed record EventSeat(string Id, SectionRef Section, string Row, int Number, string Label, SeatStatus Status, Money Price, bool IsAccessible);

    private sealed record NumberOnly(int Number);

    private sealed record CircleSeatsData(Connection<SeatsOf> Events);

    private sealed record SeatsOf(IReadOnlyList<SectionSeat> Seats);

    private sealed record SectionSeat(SectionRef Section, SeatStatus Status);

    private sealed record VenueMapData(VenueMapOf VenueById);

    private sealed record VenueMapOf(VenueMap SeatMap);

    private sealed record VenueMap(IReadOnlyList<VenueMapSection> Sections);

    private sealed record VenueMapSection(NameOnly Section, string SeatKeys, IReadOnlyList<VenueMapRow> Rows);

    private sealed record NameOnly(string Name);

    private sealed record VenueMapRow(string Label, string Numbers);
}
