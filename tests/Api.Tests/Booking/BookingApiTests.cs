using System.Text.Json;
using TicketMaster.Api.Tests.Catalog;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Booking;

/// <summary>reserve, release and confirm over HTTP, as a signed-in buyer, on the catalogue's events.</summary>
public abstract class BookingApiTests(CatalogFixture catalog)
{
    private const string Reserve = """
        mutation($input: ReserveSeatsInput!) {
          reserveSeats(input: $input) {
            reservation { id status expiresAt total { amount currency } seats { id status price } }
            errors { __typename ... on Error { message } ... on SeatsUnavailableError { seatIds } ... on SeatsNotInEventError { seatIds } }
          }
        }
        """;

    private const string Confirm = """
        mutation($input: ConfirmReservationInput!) {
          confirmReservation(input: $input) {
            order { id status total { amount currency } tickets { id status price { amount } seat { id row number status } } }
            errors { __typename ... on Error { message } }
          }
        }
        """;

    [SkippableFact]
    public async Task A_buyer_reserves_sees_the_hold_everywhere_then_confirms_and_gets_tickets()
    {
        var buyer = await SignedInBuyerAsync();
        var (eventId, seats) = await EventSeatsAsync("Bears vs Lions", buyer);
        var before = await AvailableAsync(buyer, eventId);

        var reservation = (await buyer.DataAsync(Reserve, new { input = new { eventId, seatIds = seats[..2] } })).GetProperty("reserveSeats");

        Assert.Equal(JsonValueKind.Null, reservation.GetProperty("errors").ValueKind);
        var held = reservation.GetProperty("reservation");
        Assert.Equal("ACTIVE", held.GetProperty("status").GetString());
        Assert.Equal(before - 2, await AvailableAsync(buyer, eventId));
        var mine = (await buyer.DataAsync("{ myReservations { id seats { id } } }")).GetProperty("myReservations");
        Assert.Contains(mine.EnumerateArray(), r => r.GetProperty("id").GetString() == held.GetProperty("id").GetString());

        var confirmed = (await buyer.DataAsync(Confirm, new { input = new { reservationId = held.GetProperty("id").GetString(), paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() } }))
            .GetProperty("confirmReservation");

        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("errors").ValueKind);
        var order = confirmed.GetProperty("order");
        Assert.Equal(held.GetProperty("total").GetRawText(), order.GetProperty("total").GetRawText());
        Assert.Equal(seats[..2].Order(), order.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("seat").GetProperty("id").GetString()!).Order());
        Assert.All(order.GetProperty("tickets").EnumerateArray(), t => Assert.Equal("VALID", t.GetProperty("status").GetString()));
        var orders = (await buyer.DataAsync("{ myOrders { id tickets { id } } }")).GetProperty("myOrders");
        Assert.Equal(order.GetProperty("id").GetString(), orders[0].GetProperty("id").GetString());
        Assert.Equal(order.GetProperty("id").GetString(), (await buyer.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = order.GetProperty("id").GetString() })).GetProperty("node").GetProperty("id").GetString());
    }

    [SkippableFact]
    public async Task Taken_foreign_and_unsellable_seats_come_back_as_typed_payload_errors()
    {
        var (first, second) = (await SignedInBuyerAsync(), await SignedInBuyerAsync());
        var (eventId, seats) = await EventSeatsAsync("Novak Unplugged", first);
        var (galaId, galaSeats) = await EventSeatsAsync("Cancelled Gala", first);
        await first.DataAsync(Reserve, new { input = new { eventId, seatIds = new[] { seats[0] } } });

        var taken = (await second.DataAsync(Reserve, new { input = new { eventId, seatIds = new[] { seats[0], seats[1] } } })).GetProperty("reserveSeats");
        var foreign = (await second.DataAsync(Reserve, new { input = new { eventId, seatIds = new[] { galaSeats[0] } } })).GetProperty("reserveSeats");
        var cancelled = (await second.DataAsync(Reserve, new { input = new { eventId = galaId, seatIds = new[] { galaSeats[0] } } })).GetProperty("reserveSeats");

        Assert.Equal(("SeatsUnavailableError", seats[0]), (Error(taken).GetProperty("__typename").GetString(), Error(taken).GetProperty("seatIds")[0].GetString()));
        Assert.Equal("SeatsNotInEventError", Error(foreign).GetProperty("__typename").GetString());
        Assert.Equal("EventNotOnSaleError", Error(cancelled).GetProperty("__typename").GetString());
        Assert.Equal(JsonValueKind.Null, taken.GetProperty("reservation").ValueKind);
    }

    [SkippableFact]
    public async Task Someone_elses_reservation_cannot_be_confirmed_or_released_and_a_declined_card_is_an_error()
    {
        var (owner, other) = (await SignedInBuyerAsync(), await SignedInBuyerAsync());
        var (eventId, seats) = await EventSeatsAsync("Bears vs Lions", owner);
        var reserved = (await owner.DataAsync(Reserve, new { input = new { eventId, seatIds = new[] { seats[^1] } } })).GetProperty("reserveSeats");
        var id = reserved.GetProperty("reservation").GetProperty("id").GetString();

        var stolen = (await other.DataAsync(Confirm, new { input = new { reservationId = id, paymentToken = "tok_visa", idempotencyKey = "k" } })).GetProperty("confirmReservation");
        var released = (await other.DataAsync("mutation($id: ID!) { releaseReservation(input: { reservationId: $id }) { errors { __typename } } }", new { id })).GetProperty("releaseReservation");
        var declined = (await owner.DataAsync(Confirm, new { input = new { reservationId = id, paymentToken = "tok_chargeDeclined", idempotencyKey = "d" } })).GetProperty("confirmReservation");
        var ownRelease = (await owner.DataAsync("mutation($id: ID!) { releaseReservation(input: { reservationId: $id }) { reservation { status } } }", new { id })).GetProperty("releaseReservation");

        Assert.Equal("NotYourReservationError", Error(stolen).GetProperty("__typename").GetString());
        Assert.Equal("NotYourReservationError", Error(released).GetProperty("__typename").GetString());
        Assert.Equal("PaymentDeclinedError", Error(declined).GetProperty("__typename").GetString());
        Assert.Equal("RELEASED", ownRelease.GetProperty("reservation").GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Booking_needs_a_signed_in_caller_and_valid_ids()
    {
        var anonymous = catalog.Client;
        var buyer = await SignedInBuyerAsync();
        var (eventId, seats) = await EventSeatsAsync("Bears vs Lions", buyer);

        Assert.Contains("AUTH_NOT_AUTHENTICATED", await anonymous.ErrorCodesAsync(Reserve, new { input = new { eventId, seatIds = seats[..1] } }));
        Assert.Contains("AUTH_NOT_AUTHENTICATED", await anonymous.ErrorCodesAsync("{ myOrders { id } }"));
        Assert.Contains("INVALID_ID", await buyer.ErrorCodesAsync(Reserve, new { input = new { eventId = seats[0], seatIds = seats[..1] } }));
        Assert.Contains("INVALID_ID", await buyer.ErrorCodesAsync(Confirm, new { input = new { reservationId = eventId, paymentToken = "tok_visa", idempotencyKey = "x" } }));
    }

    [SkippableFact]
    public async Task Best_available_holds_adjacent_seats_in_the_requested_section()
    {
        var buyer = await SignedInBuyerAsync();
        var sections = (await buyer.DataAsync("""{ events(where: { name: { eq: "Bears vs Lions" } }) { nodes { id sections { id name } } } }"""))
            .GetProperty("events").GetProperty("nodes")[0];
        var circle = sections.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Circle").GetProperty("id").GetString();

        var payload = (await buyer.DataAsync(
            "mutation($input: ReserveBestAvailableInput!) { reserveBestAvailable(input: $input) { reservation { seats { section row number } } errors { __typename } } }",
            new { input = new { eventId = sections.GetProperty("id").GetString(), quantity = 3, sectionId = circle } })).GetProperty("reserveBestAvailable");
        var tooMany = (await buyer.DataAsync(
            "mutation($input: ReserveBestAvailableInput!) { reserveBestAvailable(input: $input) { errors { __typename } } }",
            new { input = new { eventId = sections.GetProperty("id").GetString(), quantity = 50 } })).GetProperty("reserveBestAvailable");

        var seats = payload.GetProperty("reservation").GetProperty("seats").EnumerateArray().ToList();
        Assert.All(seats, s => Assert.Equal(("Circle", "A"), (s.GetProperty("section").GetString(), s.GetProperty("row").GetString())));
        var numbers = seats.Select(s => s.GetProperty("number").GetInt32()).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 3), numbers);
        Assert.Equal("TooManySeatsError", tooMany.GetProperty("errors")[0].GetProperty("__typename").GetString());
    }

    private async Task<GraphQLClient> SignedInBuyerAsync() => catalog.Client.WithToken(await catalog.Client.RegisterBuyerAsync());

    private static async Task<(string EventId, string[] Seats)> EventSeatsAsync(string name, GraphQLClient client)
    {
        var @event = (await client.DataAsync(
            "query($name: String!) { events(where: { name: { eq: $name } }) { nodes { id seats(status: AVAILABLE) { id } } } }", new { name }))
            .GetProperty("events").GetProperty("nodes")[0];
        return (@event.GetProperty("id").GetString()!, @event.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray());
    }

    private static async Task<int> AvailableAsync(GraphQLClient client, string eventId) =>
        (await client.DataAsync("query($id: ID!) { eventById(id: $id) { availability { available } } }", new { id = eventId }))
            .GetProperty("eventById").GetProperty("availability").GetProperty("available").GetInt32();

    private static JsonElement Error(JsonElement payload) => payload.GetProperty("errors")[0];
}
