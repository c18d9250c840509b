using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Organizers;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Relay;

namespace TicketMaster.Api.Tests.Events;

/// <summary>Publishes a small event through the Api (a 20-seat venue, one price) and buys on it, for the limit and on-sale tests.</summary>
internal static class SellingEvents
{
    public const string Reserve = """
        mutation($e: ID!, $s: [ID!]!) {
          reserveSeats(input: { eventId: $e, seatIds: $s }) {
            reservation { id }
            errors { __typename ... on TicketLimitReachedError { limit alreadyHeldOrBought } ... on EventNotOnSaleError { status onSaleAt } }
          }
        }
        """;

    /// <summary>A published event of the scene's organizer; its id and its seat ids in order.</summary>
    public static async Task<(string EventId, List<int> Seats)> PublishedAsync(SellingScene scene, int? maxTicketsPerAccount, DateTime? onSaleAt = null)
    {
        var manager = scene.ClientFor(scene.Manager);
        var venue = await manager.DataAsync("mutation($input: CreateVenueInput!) { createVenue(input: $input) { venue { id } } }", new
        {
            input = new { name = GraphQLClient.UniqueName("Limit Hall "), address = "1 Test Street", city = "Berlin", country = "DE", latitude = 52.5, longitude = 13.4, timeZone = "Europe/Berlin" },
        });
        var venueId = venue.GetProperty("createVenue").GetProperty("venue").GetProperty("id").GetString()!;
        var laid = await manager.DataAsync("mutation($input: LayOutSeatMapInput!) { layOutSeatMap(input: $input) { venue { sections { id } } } }", new
        {
            input = new { venueId, sections = new object[] { new { name = "Stalls", block = new { rowLabels = new[] { "A", "B", "C", "D" }, seatsPerRow = 5, x = -1.0, y = 2.0 } } } },
        });
        var sectionId = laid.GetProperty("layOutSeatMap").GetProperty("venue").GetProperty("sections")[0].GetProperty("id").GetString()!;
        var organizer = scene.ClientFor(scene.Organizer);
        var created = await organizer.DataAsync("mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } errors { __typename } } }", new
        {
            input = new
            {
                venueId, name = "Limited Night", category = "CONCERT", startsAt = "2030-03-06T19:30", currency = "EUR",
                prices = new object[] { new { sectionId, price = new { amount = 40.0m, currency = "EUR" } } },
                maxTicketsPerAccount,
                onSaleAt = onSaleAt is { } opens ? BerlinWallClock(opens) : null,
            },
        });
        var eventId = created.GetProperty("createEvent").GetProperty("event").GetProperty("id").GetString()!;
        var published = await organizer.DataAsync("mutation($id: ID!) { publishEvent(input: { eventId: $id }) { errors { __typename } } }", new { id = eventId });
        Assert.Equal(JsonValueKind.Null, published.GetProperty("publishEvent").GetProperty("errors").ValueKind);
        var key = Key(eventId);
        return (eventId, await scene.InDatabaseAsync(db => db.EventSeats.Where(s => s.EventId == key).OrderBy(s => s.SeatId).Select(s => s.SeatId).ToListAsync()));
    }

    public static async Task<JsonElement> ReserveAsync(GraphQLClient buyer, string eventId, IEnumerable<int> seats) =>
        (await buyer.DataAsync(Reserve, new { e = eventId, s = seats.Select(seat => GlobalId.Encode("Seat", seat)).ToArray() })).GetProperty("reserveSeats");

    /// <summary>Reserves and pays; the order's id.</summary>
    public static async Task<string> BuyAsync(GraphQLClient buyer, string eventId, IEnumerable<int> seats)
    {
        var reservationId = (await ReserveAsync(buyer, eventId, seats)).GetProperty("reservation").GetProperty("id").GetString()!;
        var confirmed = await buyer.DataAsync(
            "mutation($input: ConfirmReservationInput!) { confirmReservation(input: $input) { order { id } errors { __typename } } }",
            new { input = new { reservationId, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() } });
        return confirmed.GetProperty("confirmReservation").GetProperty("order").GetProperty("id").GetString()!;
    }

    /// <summary>The venue's wall-clock time, to the second, as organizers give times.</summary>
    private static string BerlinWallClock(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static int Key(string id) =>
        GlobalId.TryDecode(id, out _, out var key) ? int.Parse(key, CultureInfo.InvariantCulture) : throw new ArgumentException(id);
}
