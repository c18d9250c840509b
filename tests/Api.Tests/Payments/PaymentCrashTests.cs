using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Events;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Payments;

/// <summary>
/// <c>kill -9</c> of the Api while buyers are being charged (ADR 0015): after the restart (or on the
/// instance that survives), within the reconciler's bound every payment is final, every buyer the
/// processor charged holds their tickets, the ledger balances in SQL, no seat is sold twice, and every
/// buyer's retry with their key gets the final outcome.
/// </summary>
public sealed class PaymentCrashTests
{
    private const int Buyers = 16;

    /// <summary>Reconciler interval plus payment timeout, with room for a restart on a busy machine.</summary>
    private static readonly TimeSpan SettledWithin = TimeSpan.FromSeconds(40);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Booking__SimulatedPaymentLatency"] = "00:00:02",
        ["Booking__PaymentTimeout"] = "00:00:04",
        ["Booking__ReconcileInterval"] = "00:00:01",
        ["Booking__MaxActiveHoldsPerEvent"] = "1000",
        ["Booking__ExpirySweepInterval"] = "00:00:00",
        ["Events__CancellationRefundInterval"] = "00:00:00",
        ["Events__OnSaleInterval"] = "00:00:00",
    };

    [SkippableFact]
    public async Task Killing_the_api_mid_charge_and_restarting_it_leaves_every_payment_final_and_the_ledger_whole()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.MySql, "paycrash");
        var show = await SeedEventAsync(database);
        var signingKey = ApiProcess.NewSigningKey();
        var first = await ApiProcess.StartAsync(database, signingKey, Settings);
        List<Buyer> buyers;
        try
        {
            buyers = await ReserveAsync(first, show);
            var confirming = buyers.Select(buyer => ConfirmQuietlyAsync(first, buyer)).ToList();
            await WaitForAsync(database, "half the charges to reach the processor", db => CountAsync(db, "SELECT COUNT(*) AS Value FROM simulated_gateway_charges"), n => n >= Buyers / 2, TimeSpan.FromSeconds(30));
            first.Kill();
            await Task.WhenAll(confirming);
        }
        finally
        {
            first.Dispose();
        }

        using var second = await ApiProcess.StartAsync(database, signingKey, Settings);
        await AssertEverythingSettledAsync(database, second, buyers);
    }

    [SkippableFact]
    public async Task Killing_one_of_two_apis_mid_charge_leaves_the_other_to_settle_every_payment()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.MySql, "paycrash2");
        var show = await SeedEventAsync(database);
        var signingKey = ApiProcess.NewSigningKey();
        using var survivor = await ApiProcess.StartAsync(database, signingKey, Settings);
        var victim = await ApiProcess.StartAsync(database, signingKey, Settings);
        List<Buyer> buyers;
        try
        {
            buyers = await ReserveAsync(victim, show);
            var confirming = buyers.Select((buyer, i) => ConfirmQuietlyAsync(i % 2 == 0 ? victim : survivor, buyer)).ToList();
            await WaitForAsync(database, "half the charges to reach the processor", db => CountAsync(db, "SELECT COUNT(*) AS Value FROM simulated_gateway_charges"), n => n >= Buyers / 2, TimeSpan.FromSeconds(30));
            victim.Kill();
            await Task.WhenAll(confirming);
        }
        finally
        {
            victim.Dispose();
        }

        await AssertEverythingSettledAsync(database, survivor, buyers);
    }

    private static async Task AssertEverythingSettledAsync(TestDatabase database, ApiProcess api, IReadOnlyList<Buyer> buyers)
    {
        await WaitForAsync(database, "every payment to be final", db => CountAsync(db, "SELECT COUNT(*) AS Value FROM payments WHERE next_check_at IS NOT NULL"), n => n == 0, SettledWithin);

        await using (var db = database.CreateContext())
        {
            // Every charge the processor took became that buyer's order: their holds were still running.
            var charged = await CountAsync(db, "SELECT COUNT(*) AS Value FROM simulated_gateway_charges WHERE status = 'Succeeded'");
            var fulfilled = await CountAsync(db, "SELECT COUNT(*) AS Value FROM payments WHERE status = 'Fulfilled'");
            Assert.True(charged >= Buyers / 2, $"Only {charged} charges reached the processor before the kill.");
            Assert.Equal(charged, fulfilled);
        }

        // The same key again: the final outcome, never "in progress". Attempts that never reached the
        // processor failed; buyers who never got as far as an attempt are charged now.
        var answers = await Task.WhenAll(buyers.Select(buyer => ConfirmAsync(api, buyer)));
        Assert.All(answers, answer => Assert.Contains(answer.Outcome, new[] { "order", "PaymentFailedError" }));
        await using (var db = database.CreateContext())
        {
            var orders = await db.Orders.AsNoTracking().ToDictionaryAsync(o => o.HoldId, o => o.Id);
            foreach (var (buyer, answer) in buyers.Zip(answers))
            {
                Assert.Equal(answer.Outcome == "order", orders.ContainsKey(buyer.HoldId));
            }

            await AssertLedgerAsync(db);
        }
    }

    private static async Task AssertLedgerAsync(TicketMasterDbContext db)
    {
        var processor = await db.Database.SqlQueryRaw<decimal>(
            "SELECT (SELECT COALESCE(SUM(amount), 0) FROM simulated_gateway_charges WHERE status = 'Succeeded') - (SELECT COALESCE(SUM(amount), 0) FROM simulated_gateway_refunds) AS Value").SingleAsync();
        var ours = await db.Database.SqlQueryRaw<decimal>(
            "SELECT (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE status IN ('Succeeded', 'Fulfilled', 'Refunding', 'Refunded')) - (SELECT COALESCE(SUM(amount), 0) FROM refunds) AS Value").SingleAsync();
        var tickets = await db.Database.SqlQueryRaw<decimal>("SELECT COALESCE(SUM(amount), 0) AS Value FROM tickets WHERE status = 'Valid'").SingleAsync();
        var doubleSold = await CountAsync(db, "SELECT COUNT(*) AS Value FROM (SELECT event_id, seat_id FROM tickets WHERE status = 'Valid' GROUP BY event_id, seat_id HAVING COUNT(*) > 1) doubled");
        var limbo = await CountAsync(db, "SELECT COUNT(*) AS Value FROM payments WHERE next_check_at IS NOT NULL");

        Assert.Equal((tickets, tickets, 0, 0), (processor, ours, doubleSold, limbo));
    }

    private sealed record Buyer(string Token, string ReservationId, Guid HoldId, string Key);

    private sealed record Answer(string Outcome);

    /// <summary>Each buyer signs up and holds two seats of their own.</summary>
    private static async Task<List<Buyer>> ReserveAsync(ApiProcess api, (int EventId, List<int> SeatIds) show)
    {
        var buyers = new List<Buyer>();
        for (var i = 0; i < Buyers; i++)
        {
            var token = await api.Client.RegisterBuyerAsync($"crash{i}");
            var client = api.Client.WithToken(token);
            var seats = new[] { 2 * i, (2 * i) + 1 }.Select(n => Encode("Seat", show.SeatIds[n])).ToArray();
            var data = await client.DataAsync(
                "mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id } errors { __typename } } }",
                new { input = new { eventId = Encode("Event", show.EventId), seatIds = seats } });
            var id = data.GetProperty("reserveSeats").GetProperty("reservation").GetProperty("id").GetString()!;
            var holdId = Guid.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(id)).Split(':')[1]);
            buyers.Add(new Buyer(token, id, holdId, $"pay-{i}"));
        }

        return buyers;
    }

    /// <summary>A confirmation that may die with the Api it was sent to.</summary>
    private static async Task ConfirmQuietlyAsync(ApiProcess api, Buyer buyer)
    {
        try
        {
            await ConfirmAsync(api, buyer);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
        }
    }

    private static async Task<Answer> ConfirmAsync(ApiProcess api, Buyer buyer)
    {
        var data = await api.Client.WithToken(buyer.Token).DataAsync(
            "mutation($input: ConfirmReservationInput!) { confirmReservation(input: $input) { order { id } errors { __typename } } }",
            new { input = new { reservationId = buyer.ReservationId, paymentToken = "tok_visa", idempotencyKey = buyer.Key } });
        var payload = data.GetProperty("confirmReservation");
        return payload.GetProperty("order").ValueKind == JsonValueKind.Object
            ? new Answer("order")
            : new Answer(payload.GetProperty("errors")[0].GetProperty("__typename").GetString()!);
    }

    private static async Task<(int EventId, List<int> SeatIds)> SeedEventAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var organizer = TestData.User("olga", Role.Organizer);
        var venue = TestData.Venue(rows: 4, seatsPerRow: Buyers / 2);
        db.AddRange(organizer, venue);
        await db.SaveChangesAsync();
        var gig = TestData.Event(venue, organizer.Id);
        gig.PutOnSale();
        db.Add(gig);
        await db.SaveChangesAsync();
        await BulkInserter.InsertAsync(db, gig.CreateInventory(venue), CancellationToken.None);
        return (gig.Id, venue.AllSeats().Select(s => s.Id).ToList());
    }

    private static Task<int> CountAsync(TicketMasterDbContext db, string sql) => db.Database.SqlQueryRaw<int>(sql).SingleAsync();

    /// <summary>Polls an observable condition in the database until it holds, failing with what was seen at the deadline.</summary>
    private static async Task WaitForAsync(TestDatabase database, string what, Func<TicketMasterDbContext, Task<int>> read, Func<int, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            await using var db = database.CreateContext();
            var value = await read(db);
            if (done(value))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited {within.TotalSeconds:0} s for {what}; last saw {value}.");
            await Task.Delay(100);
        }
    }

    private static string Encode(string type, int id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{type}:{id}"));
}
