using System.Text.Json;

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
              priceRange { min max currency }
              sections { id name price available }
              venue { capacity sections { name capacity rows { label position seats { number x y isAccessible } } } }
              all: seats { id section row number status price isAccessible }
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

        var availability = @event.GetProperty("availability");
        Assert.Equal((24, 21, 2, 1), (availability.GetProperty("total").GetInt32(), availability.GetProperty("available").GetInt32(),
            availability.GetProperty("held").GetInt32(), availability.GetProperty("sold").GetInt32()));

        var sections = @event.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal((80m, 9), (sections["Stalls"].GetProperty("price").GetDecimal(), sections["Stalls"].GetProperty("available").GetInt32()));
        Assert.Equal((50m, 12), (sections["Circle"].GetProperty("price").GetDecimal(), sections["Circle"].GetProperty("available").GetInt32()));
        Assert.Equal((50m, 80m, "EUR"), (@event.GetProperty("priceRange").GetProperty("min").GetDecimal(),
            @event.GetProperty("priceRange").GetProperty("max").GetDecimal(), @event.GetProperty("priceRange").GetProperty("currency").GetString()));

        var front = @event.GetProperty("all").EnumerateArray().Take(4).Select(s => (s.GetProperty("row").GetString(), s.GetProperty("number").GetInt32(), s.GetProperty("status").GetString())).ToList();
        Assert.Equal([("A", 1, "HELD"), ("A", 2, "HELD"), ("A", 3, "AVAILABLE"), ("A", 4, "SOLD")], front);
        Assert.Equal(2, @event.GetProperty("held").GetArrayLength());
        Assert.Equal(21, @event.GetProperty("available").GetArrayLength());
    }

    [SkippableFact]
    public async Task A_sections_seats_can_be_asked_for_alone_by_its_id()
    {
        var @event = await EventAsync();
        var circle = @event.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Circle").GetProperty("id").GetString();

        var data = await catalog.Client.DataAsync(
            """query($id: ID!) { events(where: { name: { eq: "Luna Vega: Neon Tour" } }) { nodes { seats(sectionId: $id) { section status } } } }""",
            new { id = circle });

        var seats = data.GetProperty("events").GetProperty("nodes")[0].GetProperty("seats").EnumerateArray().ToList();
        Assert.Equal(12, seats.Count);
        Assert.All(seats, s => Assert.Equal(("Circle", "AVAILABLE"), (s.GetProperty("section").GetString(), s.GetProperty("status").GetString())));
    }

    [SkippableFact]
    public async Task The_venue_seat_map_lists_sections_rows_front_to_back_and_drawable_seats()
    {
        var venue = (await EventAsync()).GetProperty("venue");

        Assert.Equal(24, venue.GetProperty("capacity").GetInt32());
        var stalls = venue.GetProperty("sections")[0];
        Assert.Equal(("Stalls", 12), (stalls.GetProperty("name").GetString(), stalls.GetProperty("capacity").GetInt32()));
        Assert.Equal(["A", "B", "C"], stalls.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("label").GetString()));
        var firstRow = stalls.GetProperty("rows")[0].GetProperty("seats").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], firstRow.Select(s => s.GetProperty("number").GetInt32()));
        Assert.True(firstRow[0].GetProperty("isAccessible").GetBoolean());
        Assert.Equal(4, firstRow.Select(s => s.GetProperty("x").GetDouble()).Distinct().Count());
    }

    private async Task<JsonElement> EventAsync()
    {
        var data = await catalog.Client.DataAsync(Query, new { where = new { name = new { eq = "Luna Vega: Neon Tour" } } });
        return data.GetProperty("events").GetProperty("nodes")[0];
    }
}
