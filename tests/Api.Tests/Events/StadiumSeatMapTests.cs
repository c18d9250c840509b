using System.Net.Http.Json;
using System.Text.Json;
using TicketMaster.Api.Tests.Catalog;
using TicketMaster.Api.Tests.Support;
using Xunit.Abstractions;

namespace TicketMaster.Api.Tests.Events;

/// <summary>
/// The compact seat map of the demo stadium (London Olympic Stadium, 22,496 seats, DemoData:Size=Small)
/// as a mobile client reads it: one response under 100 KB that agrees, seat for seat, with
/// <c>Event.seats</c> after holds and a sale, at the version the live subscription starts from.
/// The size it measures is recorded in docs/benchmarks.md ("Compact seat map size").
/// </summary>
public sealed class StadiumSeatMapTests(ITestOutputHelper output)
{

    private const int MaxBytes = 100_000;

    [Fact]
    public async Task The_stadiums_seat_map_is_one_response_under_100_KB_that_agrees_with_its_seats_and_the_live_version()
    {
        var directory = Directory.CreateTempSubdirectory("tm-stadium-").FullName;
        try
        {
            await using var api = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Database:DataDirectory"] = directory, ["DemoData:Size"] = "Small" });
            using var http = api.CreateHttpClient();
            var client = new GraphQLClient(http);
            var stadium = (await client.DataAsync<VenuesData>("""
                { venues(first: 1, where: { name: { eq: "London Olympic Stadium" } }) { nodes { capacity events(first: 1, where: { status: { eq: ON_SALE } }) { nodes { id sections { id name } } } } } }
                """)).Venues.Nodes[0];
            var show = stadium.Events.Nodes[0];
            var touched = new[] { show.Sections[0], show.Sections[5], show.Sections[^1] };
            var reservations = new List<(GraphQLClient Buyer, string Id)>();
            foreach (var section in touched)
            {
                var buyer = await client.SignedInBuyerAsync("stadium");
                reservations.Add((buyer, await ReserveAsync(buyer, show.Id, section.Id, quantity: 4)));
            }

            await ConfirmAsync(reservations[1].Buyer, reservations[1].Id);

            // Three changes: the relay publishes them off the request path, so wait for the last one's version.
            var (map, body) = await SeatMapAsync(http, show.Id);
            for (var deadline = DateTime.UtcNow.AddSeconds(30); map.Version < 4 && DateTime.UtcNow < deadline;)
            {
                await Task.Delay(100);
                (map, body) = await SeatMapAsync(http, show.Id);
            }

            var bytes = body.Length;

            var live = await FirstLiveVersionAsync(http, show.Id);
            output.WriteLine($"Stadium seat map: {stadium.Capacity} seats, {map.Sections.Count} sections, {map.Sections.Sum(s => s.Rows.Count)} rows, " +
                             $"{bytes:N0} bytes of JSON ({bytes / 1024.0:N1} KiB), gzip {GzipSize(body):N0} bytes; " +
                             $"{map.Sections.Count(s => s.Shape is null)} sections needed points");

            Assert.Equal(22_496, stadium.Capacity);
            Assert.True(bytes < MaxBytes, $"The stadium's seat map is {bytes:N0} bytes of JSON, over {MaxBytes:N0}.");
            Assert.Equal(stadium.Capacity, map.Sections.Sum(s => s.Rows.Sum(r => r.Statuses.Length)));
            Assert.True(map.Version >= 4, $"The map's version is {map.Version}, before the booking's four changes.");
            Assert.Equal(map.Version, live);
            foreach (var section in touched.Append(show.Sections[10]))
            {
                await AssertAgreesWithSeatsAsync(client, show.Id, map.Sections.Single(s => s.Section.Id == section.Id));
            }

            Assert.Equal(8, map.Sections.Sum(s => s.Rows.Sum(r => r.Statuses.Count(c => c == 'H'))));
            Assert.Equal(4, map.Sections.Sum(s => s.Rows.Sum(r => r.Statuses.Count(c => c == 'S'))));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Each seat of the section, in map order: the same id (from <c>seatKeys</c>), number, status letter, and a drawn position within 5 cm.</summary>
    private static async Task AssertAgreesWithSeatsAsync(GraphQLClient client, string eventId, CompactSeatMap.MapSection section)
    {
        var seats = (await client.DataAsync<SectionSeatsData>(
            "query($id: ID!, $section: ID!) { eventById(id: $id) { seats(sectionId: $section) { id row number status x y } } }",
            new { id = eventId, section = section.Section.Id })).EventById.Seats;

        var drawn = section.Rows.SelectMany((row, r) => Numbers(row.Numbers).Select((number, i) =>
            (row.Label, number, row.Statuses[i], Position: Draw(section, r, i, row.Statuses.Length)))).ToList();
        Assert.Equal(seats.Select(s => s.Id), SeatMapTests.SeatIds(section.SeatKeys));
        Assert.Equal(seats.Select(s => (s.Row, s.Number, s.Status[0])), drawn.Select(d => (d.Label, d.number, d.Item3)));
        Assert.All(seats.Zip(drawn), pair =>
            Assert.True(Math.Abs(pair.First.X - pair.Second.Position.X) <= 0.05 && Math.Abs(pair.First.Y - pair.Second.Position.Y) <= 0.05,
                $"{section.Section.Name} row {pair.First.Row} seat {pair.First.Number} is at ({pair.First.X}, {pair.First.Y}), drawn at {pair.Second.Position}."));
    }

    /// <summary>A seat's position as <c>SeatMapSection.shape</c>'s description tells a client to compute it, or from <c>points</c>.</summary>
    private static CompactSeatMap.Point Draw(CompactSeatMap.MapSection section, int row, int index, int count)
    {
        if (section.Shape is not { } shape)
        {
            var k = section.Rows.Take(row).Sum(r => r.Statuses.Length) + index;
            return new CompactSeatMap.Point(section.Points![2 * k], section.Points[(2 * k) + 1]);
        }

        var rows = section.Rows.Count;
        var u = rows == 1 ? 0 : (double)row / (rows - 1);
        var t = count == 1 ? 0.5 : (double)index / (count - 1);
        CompactSeatMap.Point Mix(CompactSeatMap.Point a, CompactSeatMap.Point b) => new(((1 - u) * a.X) + (u * b.X), ((1 - u) * a.Y) + (u * b.Y));
        var (start, control, end) = (Mix(shape.Front.Start, shape.Back.Start), Mix(shape.Front.Control, shape.Back.Control), Mix(shape.Front.End, shape.Back.End));
        return new CompactSeatMap.Point(
            ((1 - t) * (1 - t) * start.X) + (2 * (1 - t) * t * control.X) + (t * t * end.X),
            ((1 - t) * (1 - t) * start.Y) + (2 * (1 - t) * t * control.Y) + (t * t * end.Y));
    }

    private static IEnumerable<int> Numbers(string ranges) =>
        ranges.Split(',').Select(range => range.Split('-').Select(int.Parse).ToArray()).SelectMany(b => Enumerable.Range(b[0], b[^1] - b[0] + 1));

    private static async Task<(CompactSeatMap.Map Map, byte[] Body)> SeatMapAsync(HttpClient http, string eventId)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query = CompactSeatMap.Query, variables = new { id = eventId } });
        var body = await response.Content.ReadAsByteArrayAsync();
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.False(answer.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return (answer.GetProperty("data").GetProperty("eventById").GetProperty("seatMap").Deserialize<CompactSeatMap.Map>(GraphQLClient.Json)!, body);
    }

    private static int GzipSize(byte[] body)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return (int)compressed.Length;
    }

    /// <summary>The version of <c>onSeatAvailabilityChanged</c>'s first message (over SSE).</summary>
    private static async Task<long> FirstLiveVersionAsync(HttpClient http, string eventId) =>
        (await new GraphQLClient(http).FirstStreamedAsync("subscription($id: ID!) { onSeatAvailabilityChanged(eventId: $id) { version } }", new { id = eventId }))
            .GetProperty("data").GetProperty("onSeatAvailabilityChanged").GetProperty("version").GetInt64();

    private static async Task<string> ReserveAsync(GraphQLClient buyer, string eventId, string sectionId, int quantity)
    {
        var payload = (await buyer.DataAsync<ReserveData>(
            "mutation($input: ReserveBestAvailableInput!) { reserveBestAvailable(input: $input) { reservation { id } errors { __typename } } }",
            new { input = new { eventId, sectionId, quantity } })).ReserveBestAvailable;
        Assert.Null(payload.Errors);
        return payload.Reservation!.Id;
    }

    private static async Task ConfirmAsync(GraphQLClient buyer, string reservationId)
    {
        var payload = (await buyer.DataAsync<ConfirmData>(
            "mutation($input: ConfirmReservationInput!) { confirmReservation(input: $input) { order { id } errors { __typename } } }",
            new { input = new { reservationId, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() } })).ConfirmReservation;
        Assert.Null(payload.Errors);
    }

    private sealed record VenuesData(Connection<Stadium> Venues);

    private sealed record Stadium(int Capacity, Connection<Show> Events);

    private sealed record Show(string Id, IReadOnlyList<SectionRef> Sections);

    private sealed record SectionRef(string Id, string Name);

    private sealed record ReserveData(Payload ReserveBestAvailable);

    private sealed record Payload(Node? Reservation, IReadOnlyList<PayloadError>? Errors);

    private sealed record ConfirmData(OrderPayload ConfirmReservation);

    private sealed record OrderPayload(Node? Order, IReadOnlyList<PayloadError>? Errors);

    private sealed record SectionSeatsData(SeatsOf EventById);

    private sealed record SeatsOf(IReadOnlyList<Seat> Seats);

    private sealed record Seat(string Id, string Row, int Number, string Status, double X, double Y);
}
