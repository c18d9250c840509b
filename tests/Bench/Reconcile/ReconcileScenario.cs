using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Bench.Harness;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Orders;
using TicketMaster.Payments;
using TicketMaster.Persistence;
using TicketMaster.Testing;
using TicketMaster.Users;

namespace TicketMaster.Bench.Reconcile;

/// <summary>
/// The reconciler's throughput (ADR 0015): N payments in limbo on MariaDB, as a crash mid on-sale leaves
/// them (a third never reached the processor, a third charged for holds that still stand, a third
/// charged for holds released since), resolved by ReconcilePayments runs until none is left; then the
/// ledger is checked in SQL. Seeding is not timed.
/// </summary>
public static class ReconcileScenario
{
    public const string Usage = "reconcile [--payments 10000] [--parallelism 8] [--batch 500] [--mysql <connection string>]";

    public static async Task<int> RunAsync(CommandLine line)
    {
        var payments = line.Int("payments", 10_000, min: 3);
        var parallelism = line.Int("parallelism", 8, min: 1);
        var batch = line.Int("batch", 500, min: 1);
        var external = line.String("mysql");
        line.EnsureAllRead();
        if (external is not null)
        {
            Environment.SetEnvironmentVariable("TM_MYSQL", external);
        }

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.MySql, "tm_bench_reconcile");
        var options = new BookingOptions { ReconcileBatchSize = batch, ReconcileParallelism = parallelism, MaxActiveHoldsPerEvent = int.MaxValue };
        var seeding = Stopwatch.StartNew();
        await SeedAsync(database, payments, options);
        Console.WriteLine($"reconcile: seeded {payments:N0} payments in limbo in {seeding.Elapsed.TotalSeconds:0.0} s");

        var gateway = new SimulatedPaymentGateway(TimeProvider.System, () => database.CreateContext());
        var store = new BookingSql();
        var reconcile = new ReconcilePayments(new Contexts(database), new PaymentClaims(store), store, new OutboxOnlyAvailabilityPublisher(), gateway, TimeProvider.System, options);
        var clock = Stopwatch.StartNew();
        var runs = 0;
        var errors = 0;
        ReconcileRun run;
        do
        {
            run = await reconcile.ExecuteAsync(CancellationToken.None);
            runs++;
            errors += run.Errors.Count;
        }
        while (run.Claimed > 0);
        var elapsed = clock.Elapsed;

        await using var db = database.CreateContext();
        var statuses = await db.Payments.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var ledger = await LedgerAsync(db);
        Console.WriteLine($"reconcile: {payments:N0} payments resolved in {elapsed.TotalSeconds:0.0} s ({payments / elapsed.TotalSeconds:N0}/s), {runs} runs, parallelism {parallelism}, batch {batch}, {errors} errors");
        Console.WriteLine($"reconcile: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}"))}");
        Console.WriteLine($"reconcile: ledger {(ledger.Holds ? "holds" : "BROKEN")}: processor kept {ledger.Processor:N2}, ours {ledger.Ours:N2}, valid tickets {ledger.Tickets:N2}, in limbo {ledger.Limbo}, seats sold twice {ledger.DoubleSold}");
        return ledger.Holds && elapsed < TimeSpan.FromSeconds(60) ? 0 : 1;
    }

    private static async Task SeedAsync(TestDatabase database, int payments, BookingOptions options)
    {
        int eventId;
        List<int> seatIds;
        var buyers = new List<int>();
        await using (var db = database.CreateContext())
        {
            var organizer = TestData.User("olga", Role.Organizer);
            var users = Enumerable.Range(0, 100).Select(i => TestData.User($"buyer{i}")).ToList();
            // Two sections of ten rows (row labels are letters), one seat per payment.
            var venue = TestData.Venue(rows: 10, seatsPerRow: (payments + 19) / 20);
            db.AddRange(organizer, venue);
            db.AddRange(users);
            await db.SaveChangesAsync();
            var gig = TestData.Event(venue, organizer.Id);
            gig.PutOnSale();
            db.Add(gig);
            await db.SaveChangesAsync();
            await BulkInserter.InsertAsync(db, gig.CreateInventory(venue), CancellationToken.None);
            (eventId, seatIds) = (gig.Id, venue.AllSeats().Select(s => s.Id).ToList());
            buyers.AddRange(users.Select(u => u.Id));
        }

        // Every attempt was due a while ago; each third is a different story.
        var now = DateTime.UtcNow;
        var started = now - TimeSpan.FromMinutes(1);
        var charges = new List<(string Key, decimal Amount)>();
        Dictionary<int, decimal> prices;
        await using (var db = database.CreateContext())
        {
            prices = await db.EventSeats.Where(s => s.EventId == eventId).ToDictionaryAsync(s => s.SeatId, s => s.Price);
        }

        foreach (var chunk in Enumerable.Range(0, payments).Chunk(1_000))
        {
            await using var db = database.CreateContext();
            foreach (var i in chunk)
            {
                var hold = Hold.Place(buyers[i % buyers.Count], eventId, [seatIds[i]], new Money(prices[seatIds[i]], "EUR"), started, options.HoldDuration);
                if (i % 3 == 2)
                {
                    hold.Release(hold.UserId, started);
                }

                hold.ClearDomainEvents();
                var payment = Payment.Start(hold.Id, hold.UserId, hold.Total, "simulated", $"bench-{i}", "tok_visa", started, started + options.PaymentTimeout);
                db.AddRange(hold, payment);
                if (i % 3 != 0)
                {
                    charges.Add((payment.ProcessorKey, hold.Total.Amount));
                }
            }

            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE event_seats es JOIN hold_seats hs ON hs.event_id = es.event_id AND hs.seat_id = es.seat_id JOIN holds h ON h.id = hs.hold_id "
                + $"SET es.status = {(byte)SeatStatus.Held}, es.hold_id = h.id, es.hold_expires_at = h.expires_at WHERE h.status = 'Active' AND es.event_id = {{0}}", eventId);
            foreach (var chunk in charges.Chunk(1_000))
            {
                var sql = new StringBuilder("INSERT INTO simulated_gateway_charges (idempotency_key, reference, status, amount, currency, created_at) VALUES ");
                sql.AppendJoin(", ", chunk.Select(c => string.Create(CultureInfo.InvariantCulture, $"('{c.Key}', 'ch_{Guid.NewGuid():N}', 'Succeeded', {c.Amount}, 'EUR', '{started:yyyy-MM-dd HH:mm:ss}')")));
                await db.Database.ExecuteSqlRawAsync(sql.ToString());
            }
        }
    }

    private static async Task<(bool Holds, decimal Processor, decimal Ours, decimal Tickets, int Limbo, int DoubleSold)> LedgerAsync(TicketMasterDbContext db)
    {
        var processor = await db.Database.SqlQueryRaw<decimal>(
            "SELECT (SELECT COALESCE(SUM(amount), 0) FROM simulated_gateway_charges WHERE status = 'Succeeded') - (SELECT COALESCE(SUM(amount), 0) FROM simulated_gateway_refunds) AS Value").SingleAsync();
        var ours = await db.Database.SqlQueryRaw<decimal>(
            "SELECT (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE status IN ('Succeeded', 'Fulfilled', 'Refunding', 'Refunded')) - (SELECT COALESCE(SUM(amount), 0) FROM refunds) AS Value").SingleAsync();
        var tickets = await db.Database.SqlQueryRaw<decimal>("SELECT COALESCE(SUM(amount), 0) AS Value FROM tickets WHERE status = 'Valid'").SingleAsync();
        var limbo = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM payments WHERE next_check_at IS NOT NULL").SingleAsync();
        var doubled = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS Value FROM (SELECT event_id, seat_id FROM tickets WHERE status = 'Valid' GROUP BY event_id, seat_id HAVING COUNT(*) > 1) doubled").SingleAsync();
        return (processor == tickets && ours == tickets && limbo == 0 && doubled == 0, processor, ours, tickets, limbo, doubled);
    }

    private sealed class Contexts(TestDatabase database) : IDbContextFactory<TicketMasterDbContext>
    {
        public TicketMasterDbContext CreateDbContext() => database.CreateContext();
    }
}
