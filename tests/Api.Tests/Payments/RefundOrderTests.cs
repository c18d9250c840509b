using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Users;
using TicketMaster.Booking;
using TicketMaster.Orders;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Payments;

/// <summary><c>refundOrder</c> through the real Api: who may, what the buyer sees, what goes back on sale, and that a retry changes nothing.</summary>
public sealed class RefundOrderTests
{
    private const string Refund = """
        mutation($input: RefundOrderInput!) {
          refundOrder(input: $input) {
            order { status refunds { amount { amount currency } reason } tickets { id status } }
            errors { __typename }
          }
        }
        """;

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task The_organizer_refunds_a_ticket_then_the_rest_and_the_buyer_sees_each_refund_and_the_seat_back_on_sale(DatabaseProvider provider)
    {
        await using var scene = await SceneAsync(provider, "refund");
        var (orderId, tickets) = await scene.BuyTwoSeatsAsync();

        var first = await scene.Organizer.DataAsync(Refund, new { input = new { orderId, ticketIds = new[] { tickets[0] }, reason = "Broken seat view" } });
        var again = await scene.Organizer.DataAsync(Refund, new { input = new { orderId, ticketIds = new[] { tickets[0] }, reason = "Broken seat view" } });

        var order = first.GetProperty("refundOrder").GetProperty("order");
        Assert.Equal("PARTIALLY_REFUNDED", order.GetProperty("status").GetString());
        Assert.Equal(("REFUNDED", "VALID"), (order.GetProperty("tickets")[0].GetProperty("status").GetString(), order.GetProperty("tickets")[1].GetProperty("status").GetString()));
        var refund = Assert.Single(order.GetProperty("refunds").EnumerateArray());
        Assert.Equal((80m, "EUR", "Broken seat view"), (refund.GetProperty("amount").GetProperty("amount").GetDecimal(), refund.GetProperty("amount").GetProperty("currency").GetString(), refund.GetProperty("reason").GetString()));
        Assert.Equal(1, again.GetProperty("refundOrder").GetProperty("order").GetProperty("refunds").GetArrayLength());
        var seats = await scene.SeatStatusesAsync();
        Assert.Equal([SeatStatus.Available, SeatStatus.Sold], seats);
        Assert.Contains(await scene.OutboxTypesAsync(), type => type == Outbox.OutboxMessageTypes.SeatsChanged);

        var rest = await scene.Organizer.DataAsync(Refund, new { input = new { orderId, reason = "Show moved", releaseSeats = false } });

        var refunded = rest.GetProperty("refundOrder").GetProperty("order");
        Assert.Equal(("REFUNDED", 2), (refunded.GetProperty("status").GetString(), refunded.GetProperty("refunds").GetArrayLength()));
        Assert.Equal([SeatStatus.Available, SeatStatus.Sold], await scene.SeatStatusesAsync());
        await scene.AssertLedgerAsync();
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Anonymous_foreign_and_buying_callers_cannot_refund_and_bad_ticket_ids_change_nothing(DatabaseProvider provider)
    {
        await using var scene = await SceneAsync(provider, "refund-auth");
        var (orderId, tickets) = await scene.BuyTwoSeatsAsync();
        var input = new { input = new { orderId, reason = "Because" } };

        var anonymous = await scene.Anonymous.ErrorCodesAsync(Refund, input);
        var foreign = await scene.OtherOrganizer.DataAsync(Refund, input);
        var buyer = await scene.Buyer.DataAsync(Refund, input);
        var wrongTicket = await scene.Admin.DataAsync(Refund, new { input = new { orderId, ticketIds = new[] { tickets[0], Encode("Ticket", Guid.NewGuid().ToString("N")) }, reason = "Oops" } });

        Assert.Contains("AUTH_NOT_AUTHENTICATED", anonymous);
        Assert.Equal("NotAuthorizedError", ErrorOf(foreign));
        Assert.Equal("NotAuthorizedError", ErrorOf(buyer));
        Assert.Equal("TicketsNotInOrderError", ErrorOf(wrongTicket));
        Assert.Equal(0, await scene.InDatabaseAsync(db => db.Refunds.CountAsync()));
        Assert.Equal([SeatStatus.Sold, SeatStatus.Sold], await scene.SeatStatusesAsync());
        Assert.All(await scene.InDatabaseAsync(db => db.Tickets.Select(t => t.Status).ToListAsync()), status => Assert.Equal(TicketStatus.Valid, status));

        var admin = await scene.Admin.DataAsync(Refund, input);

        Assert.Equal("REFUNDED", admin.GetProperty("refundOrder").GetProperty("order").GetProperty("status").GetString());
        await scene.AssertLedgerAsync();
    }

    private static string ErrorOf(JsonElement data) => data.GetProperty("refundOrder").GetProperty("errors")[0].GetProperty("__typename").GetString()!;

    private static string Encode(string type, object id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{type}:{id}"));

    private static async Task<Scene> SceneAsync(DatabaseProvider provider, string name)
    {
        var database = await TestDatabase.CreateAsync(provider, name);
        User organizer, other, admin, buyer;
        int eventId;
        List<int> seatIds;
        await using (var db = database.CreateContext())
        {
            (organizer, other, admin, buyer) = (TestData.User("olga", Role.Organizer), TestData.User("otto", Role.Organizer), TestData.User("ada", Role.Admin), TestData.User("luna"));
            var venue = TestData.Venue(rows: 1, seatsPerRow: 2);
            db.AddRange(organizer, other, admin, buyer, venue);
            await db.SaveChangesAsync();
            var gig = TestData.Event(venue, organizer.Id);
            gig.PutOnSale();
            db.Add(gig);
            await db.SaveChangesAsync();
            await BulkInserter.InsertAsync(db, gig.CreateInventory(venue), CancellationToken.None);
            (eventId, seatIds) = (gig.Id, venue.Sections[0].Rows[0].Seats.Select(s => s.Id).ToList());
        }

        var api = await ApiHost.StartAsync(new Dictionary<string, string?>(database.AppSettings) { ["DemoData:Size"] = "None", ["Booking:ReconcileInterval"] = "00:00:00" });
        var tokens = api.Services.GetRequiredService<AccessTokens>();
        var anonymous = new GraphQLClient(api.CreateHttpClient());
        return new Scene(database, api, eventId, seatIds, anonymous,
            anonymous.WithToken(tokens.Issue(organizer).Token), anonymous.WithToken(tokens.Issue(other).Token),
            anonymous.WithToken(tokens.Issue(admin).Token), anonymous.WithToken(tokens.Issue(buyer).Token));
    }

    private sealed record Scene(
        TestDatabase Database, ApiHost Api, int EventId, List<int> SeatIds,
        GraphQLClient Anonymous, GraphQLClient Organizer, GraphQLClient OtherOrganizer, GraphQLClient Admin, GraphQLClient Buyer) : IAsyncDisposable
    {
        public async Task<(string OrderId, string[] TicketIds)> BuyTwoSeatsAsync()
        {
            var held = await Buyer.DataAsync(
                "mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id } } }",
                new { input = new { eventId = Encode("Event", EventId), seatIds = SeatIds.Select(id => Encode("Seat", id)).ToArray() } });
            var reservationId = held.GetProperty("reserveSeats").GetProperty("reservation").GetProperty("id").GetString();
            var paid = await Buyer.DataAsync(
                "mutation($input: ConfirmReservationInput!) { confirmReservation(input: $input) { order { id tickets { id } } } }",
                new { input = new { reservationId, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() } });
            var order = paid.GetProperty("confirmReservation").GetProperty("order");
            return (order.GetProperty("id").GetString()!, order.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToArray());
        }

        /// <summary>The two bought seats' statuses, in status order.</summary>
        public Task<List<SeatStatus>> SeatStatusesAsync() =>
            InDatabaseAsync(async db => (await db.EventSeats.Where(s => s.EventId == EventId && SeatIds.Contains(s.SeatId)).Select(s => s.Status).ToListAsync()).Order().ToList());

        public Task<List<string>> OutboxTypesAsync() => InDatabaseAsync(db => db.OutboxMessages.Select(m => m.Type).ToListAsync());

        public async Task<T> InDatabaseAsync<T>(Func<TicketMasterDbContext, Task<T>> read)
        {
            await using var db = Database.CreateContext();
            return await read(db);
        }

        /// <summary>What the processor kept equals the price of the valid tickets (ADR 0015).</summary>
        public Task AssertLedgerAsync() => InDatabaseAsync(async db =>
        {
            var processor = await db.Database.SqlQueryRaw<decimal>(
                "SELECT (SELECT COALESCE(SUM(amount), 0) FROM simulated_gateway_charges WHERE status = 'Succeeded') - (SELECT COALESCE(SUM(amount), 0) FROM simulated_gateway_refunds) AS Value").SingleAsync();
            var tickets = await db.Database.SqlQueryRaw<decimal>("SELECT COALESCE(SUM(amount), 0) AS Value FROM tickets WHERE status = 'Valid'").SingleAsync();
            Assert.Equal(tickets, processor);
            return 0;
        });

        public async ValueTask DisposeAsync()
        {
            await Api.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
