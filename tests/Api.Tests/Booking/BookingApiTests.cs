using System.Text.Json.Serialization;
using TicketMaster.Api.Tests.Catalog;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Booking;

/// <summary>reserve, release and confirm over HTTP, as a signed-in buyer, on the catalogue's events.</summary>
public abstract class BookingApiTests(CatalogFixture catalog)
{
    private const string Reserve = """
        mutation($input: ReserveSeatsInput!) {
          reserveSeats(input: $input) {
            reservation { id status expiresAt total { amount currency } seats { id status price { amount currency } } }
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

    private const string Release = "mutation($id: ID!) { releaseReservation(input: { reservationId: $id }) { reservation { status } errors { __typename } } }";

    [SkippableFact]
    public async Task A_buyer_reserves_sees_the_hold_everywhere_then_confirms_and_gets_tickets()
    {
        var buyer = await catalog.Client.SignedInBuyerAsync();
        var (eventId, seats) = await buyer.FreeSeatsAsync("Bears vs Lions");
        var before = await AvailableAsync(buyer, eventId);

        var reserved = (await buyer.DataAsync<ReserveData>(Reserve, new { input = new { eventId, seatIds = seats[..2] } })).ReserveSeats;

        Assert.Null(reserved.Errors);
        var held = reserved.Reservation;
        Assert.NotNull(held);
        Assert.Equal("HELD", held.Status);
        Assert.Equal(before - 2, await AvailableAsync(buyer, eventId));
        var mine = (await buyer.DataAsync<MyReservationsData>("{ myReservations { nodes { id seats { id } } } }")).MyReservations!.Nodes;
        Assert.Contains(mine, r => r.Id == held.Id);

        var confirmed = (await buyer.DataAsync<ConfirmData>(Confirm, new { input = new { reservationId = held.Id, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() } }))
            .ConfirmReservation;

        Assert.Null(confirmed.Errors);
        var order = confirmed.Order;
        Assert.NotNull(order);
        Assert.Equal(held.Total, order.Total);
        Assert.Equal(seats[..2].Order(), order.Tickets.Select(t => t.Seat.Id).Order());
        Assert.All(order.Tickets, t => Assert.Equal("VALID", t.Status));
        var orders = (await buyer.DataAsync<MyOrdersData>("{ myOrders { nodes { id tickets { id } } } }")).MyOrders!.Nodes;
        Assert.Equal(order.Id, orders[0].Id);
        Assert.Equal(order.Id, (await buyer.DataAsync<NodeData>("query($id: ID!) { node(id: $id) { id } }", new { id = order.Id })).Node?.Id);
        var ticketId = order.Tickets[0].Id;
        Assert.Equal(ticketId, (await buyer.DataAsync<NodeData>("query($id: ID!) { node(id: $id) { id } }", new { id = ticketId })).Node?.Id);
        var stranger = await catalog.Client.SignedInBuyerAsync();
        Assert.Null((await stranger.DataAsync<NodeData>("query($id: ID!) { node(id: $id) { id } }", new { id = ticketId })).Node);
    }

    [SkippableFact]
    public async Task Taken_foreign_and_unsellable_seats_come_back_as_typed_payload_errors()
    {
        var (first, second) = (await catalog.Client.SignedInBuyerAsync(), await catalog.Client.SignedInBuyerAsync());
        var (eventId, seats) = await first.FreeSeatsAsync("Novak Unplugged");
        var (galaId, galaSeats) = await first.FreeSeatsAsync("Cancelled Gala");
        await first.DataAsync<ReserveData>(Reserve, new { input = new { eventId, seatIds = new[] { seats[0] } } });

        var taken = (await second.DataAsync<ReserveData>(Reserve, new { input = new { eventId, seatIds = new[] { seats[0], seats[1] } } })).ReserveSeats;
        var foreign = (await second.DataAsync<ReserveData>(Reserve, new { input = new { eventId, seatIds = new[] { galaSeats[0] } } })).ReserveSeats;
        var cancelled = (await second.DataAsync<ReserveData>(Reserve, new { input = new { eventId = galaId, seatIds = new[] { galaSeats[0] } } })).ReserveSeats;

        Assert.Equal(("SeatsUnavailableError", seats[0]), (taken.Errors?[0].Typename, taken.Errors?[0].SeatIds?[0]));
        Assert.Equal("SeatsNotInEventError", foreign.Errors?[0].Typename);
        Assert.Equal("EventNotOnSaleError", cancelled.Errors?[0].Typename);
        Assert.Null(taken.Reservation);
    }

    [SkippableFact]
    public async Task Someone_elses_reservation_cannot_be_confirmed_or_released_and_a_declined_card_is_an_error()
    {
        var (owner, other) = (await catalog.Client.SignedInBuyerAsync(), await catalog.Client.SignedInBuyerAsync());
        var (eventId, seats) = await owner.FreeSeatsAsync("Bears vs Lions");
        var reserved = (await owner.DataAsync<ReserveData>(Reserve, new { input = new { eventId, seatIds = new[] { seats[^1] } } })).ReserveSeats;
        var id = reserved.Reservation?.Id;

        var stolen = (await other.DataAsync<ConfirmData>(Confirm, new { input = new { reservationId = id, paymentToken = "tok_visa", idempotencyKey = "k" } })).ConfirmReservation;
        var released = (await other.DataAsync<ReleaseData>(Release, new { id })).ReleaseReservation;
        var declined = (await owner.DataAsync<ConfirmData>(Confirm, new { input = new { reservationId = id, paymentToken = "tok_chargeDeclined", idempotencyKey = "d" } })).ConfirmReservation;
        var ownRelease = (await owner.DataAsync<ReleaseData>(Release, new { id })).ReleaseReservation;

        Assert.Equal("NotYourReservationError", stolen.Errors?[0].Typename);
        Assert.Equal("NotYourReservationError", released.Errors?[0].Typename);
        Assert.Equal("PaymentDeclinedError", declined.Errors?[0].Typename);
        Assert.Equal("RELEASED", ownRelease.Reservation?.Status);
    }

    [SkippableFact]
    public async Task Booking_needs_a_signed_in_caller_and_valid_ids()
    {
        var anonymous = catalog.Client;
        var buyer = await catalog.Client.SignedInBuyerAsync();
        var (eventId, seats) = await buyer.FreeSeatsAsync("Bears vs Lions");

        Assert.Contains("AUTH_NOT_AUTHENTICATED", await anonymous.ErrorCodesAsync(Reserve, new { input = new { eventId, seatIds = seats[..1] } }));
        Assert.Contains("AUTH_NOT_AUTHENTICATED", await anonymous.ErrorCodesAsync("{ myOrders { nodes { id } } }"));
        Assert.Contains("INVALID_ID", await buyer.ErrorCodesAsync(Reserve, new { input = new { eventId = seats[0], seatIds = seats[..1] } }));
        Assert.Contains("INVALID_ID", await buyer.ErrorCodesAsync(Confirm, new { input = new { reservationId = eventId, paymentToken = "tok_visa", idempotencyKey = "x" } }));
    }

    [SkippableFact]
    public async Task Best_available_holds_adjacent_seats_in_the_requested_section()
    {
        var buyer = await catalog.Client.SignedInBuyerAsync();
        var @event = (await buyer.DataAsync<EventSectionsData>("""{ events(where: { name: { eq: "Bears vs Lions" } }) { nodes { id sections { id name } } } }"""))
            .Events.Nodes[0];
        var circle = @event.Sections.Single(s => s.Name == "Circle").Id;

        var payload = (await buyer.DataAsync<BestAvailableData>(
            "mutation($input: ReserveBestAvailableInput!) { reserveBestAvailable(input: $input) { reservation { seats { section { name } row number } } errors { __typename } } }",
            new { input = new { eventId = @event.Id, quantity = 3, sectionId = circle } })).ReserveBestAvailable;
        var tooMany = (await buyer.DataAsync<TooManyData>(
            "mutation($input: ReserveBestAvailableInput!) { reserveBestAvailable(input: $input) { errors { __typename } } }",
            new { input = new { eventId = @event.Id, quantity = 50 } })).ReserveBestAvailable;

        Assert.NotNull(payload.Reservation);
        var seats = payload.Reservation.Seats;
        Assert.All(seats, s => Assert.Equal(("Circle", "A"), (s.Section.Name, s.Row)));
        var numbers = seats.Select(s => s.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 3), numbers);
        Assert.Equal("TooManySeatsError", tooMany.Errors?[0].Typename);
    }

    private static async Task<int> AvailableAsync(GraphQLClient client, string eventId) =>
        (await client.DataAsync<EventAvailabilityData>("query($id: ID!) { eventById(id: $id) { availability { available } } }", new { id = eventId }))
            .EventById.Availability.Available;

    private sealed record ReserveData(ReservePayload ReserveSeats);

    private sealed record ReservePayload(Reservation? Reservation, IReadOnlyList<BookingError>? Errors);

    private sealed record Reservation(string Id, string Status, DateTimeOffset ExpiresAt, Money Total, IReadOnlyList<ReservedSeat> Seats);

    private sealed record ReservedSeat(string Id, string Status, Money Price);

    private sealed record Money(decimal Amount, string Currency);

    /// <summary>Every error of the union, with the fields its members add.</summary>
    private sealed record BookingError([property: JsonPropertyName("__typename")] string Typename, string Message, IReadOnlyList<string>? SeatIds = null);

    private sealed record ConfirmData(ConfirmPayload ConfirmReservation);

    private sealed record ConfirmPayload(Order? Order, IReadOnlyList<BookingError>? Errors);

    private sealed record Order(string Id, string Status, Money Total, IReadOnlyList<Ticket> Tickets);

    private sealed record Ticket(string Id, string Status, PricePaid Price, TicketSeat Seat);

    private sealed record PricePaid(decimal Amount);

    private sealed record TicketSeat(string Id, string Row, int Number, string Status);

    private sealed record ReleaseData(ReleasePayload ReleaseReservation);

    private sealed record ReleasePayload(StatusOnly? Reservation, IReadOnlyList<PayloadError>? Errors);

    private sealed record StatusOnly(string Status);

    private sealed record MyReservationsData(Connection<WithSeats>? MyReservations);

    private sealed record WithSeats(string Id, IReadOnlyList<Node> Seats);

    private sealed record MyOrdersData(Connection<WithTickets>? MyOrders);

    private sealed record WithTickets(string Id, IReadOnlyList<Node> Tickets);

    private sealed record NodeData(Node? Node);

    private sealed record EventSectionsData(Connection<EventSections> Events);

    private sealed record EventSections(string Id, IReadOnlyList<Section> Sections);

    private sealed record Section(string Id, string Name);

    private sealed record BestAvailableData(BestAvailablePayload ReserveBestAvailable);

    private sealed record BestAvailablePayload(SeatsOnly? Reservation, IReadOnlyList<PayloadError>? Errors);

    private sealed record SeatsOnly(IReadOnlyList<PlacedSeat> Seats);

    private sealed record PlacedSeat(Named Section, string Row, int Number);

    private sealed record Named(string Name);

    private sealed record TooManyData(ErrorsOnly ReserveBestAvailable);

    private sealed record ErrorsOnly(IReadOnlyList<PayloadError>? Errors);

    private sealed record EventAvailabilityData(AvailabilityOf EventById);

    private sealed record AvailabilityOf(AvailableOnly Availability);

    private sealed record AvailableOnly(int Available);
}
