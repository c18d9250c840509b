using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Domain.Tests.Booking;
using TicketMaster.Orders;
using TicketMaster.Payments;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.Payments;

/// <summary>
/// Every payment attempt ends in its order, a full refund, or nothing taken, whatever died in between
/// (ADR 0015); the ledger is checked in SQL against the processor's own books after each story.
/// A "crash" is the state a killed Api leaves: the attempt recorded, the processor told, nothing settled.
/// </summary>
public sealed class SettlementTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_charge_whose_answer_died_with_the_api_becomes_the_order_and_the_retry_gets_it(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "settle-order");
        var buyer = scenario.Buyers[0];
        var hold = await scenario.ReserveAsync(buyer, scenario.SeatIds[0], scenario.SeatIds[1]);
        await CrashAfterChargingAsync(scenario, hold, "key-1");

        scenario.Clock.Advance(scenario.Options.PaymentTimeout);
        var run = await ReconcilerFor(scenario).ExecuteAsync(CancellationToken.None);
        var retry = await scenario.ConfirmAsync(buyer, hold.Id, key: "key-1");

        Assert.Equal((1, 1), (run.Claimed, run.Settled));
        var order = await scenario.QueryAsync(db => db.Orders.Include(o => o.Tickets).SingleAsync());
        Assert.Equal((order.Id, 2), (retry.Id, retry.Tickets.Count));
        Assert.Equal(PaymentStatus.Fulfilled, await scenario.QueryAsync(db => db.Payments.Select(p => p.Status).SingleAsync()));
        Assert.All((await scenario.SeatsAsync()).Where(s => s.Value.OrderId is not null), s => Assert.Equal(SeatStatus.Sold, s.Value.Status));
        await AssertLedgerAsync(scenario, validTickets: 2);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_charge_for_a_hold_that_ended_meanwhile_is_refunded_in_full_and_the_retry_says_so(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "settle-refund");
        var (a, b) = (scenario.Buyers[0], scenario.Buyers[1]);
        var hold = await scenario.ReserveAsync(a, scenario.SeatIds[0]);
        await CrashAfterChargingAsync(scenario, hold, "key-1");

        // The hold lapses and someone else buys its seat before anyone settles the charge.
        scenario.Clock.Advance(scenario.Options.HoldDuration + TimeSpan.FromSeconds(1));
        var rival = await scenario.ReserveAsync(b, scenario.SeatIds[0]);
        await scenario.ConfirmAsync(b, rival.Id, key: "rival");
        var run = await ReconcilerFor(scenario).ExecuteAsync(CancellationToken.None);
        var retry = await Assert.ThrowsAsync<PaymentRefundedException>(() => scenario.ConfirmAsync(a, hold.Id, key: "key-1"));

        Assert.Equal((1, 1), (run.Claimed, run.Settled));
        Assert.Equal(hold.Total, retry.Amount);
        var refund = await scenario.QueryAsync(db => db.Refunds.SingleAsync());
        Assert.Equal((hold.Total, (Guid?)null, SettlePayment.HoldGoneReason), (refund.Amount, refund.OrderId, refund.Reason));
        Assert.Equal(1, await scenario.QueryAsync(db => db.Orders.CountAsync()));
        await AssertLedgerAsync(scenario, validTickets: 1);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task An_attempt_the_processor_never_received_fails_and_a_new_key_can_still_pay(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "settle-failed");
        var buyer = scenario.Buyers[0];
        var hold = await scenario.ReserveAsync(buyer, scenario.SeatIds[0]);
        await RecordAttemptAsync(scenario, hold, "lost");

        scenario.Clock.Advance(scenario.Options.PaymentTimeout);
        await ReconcilerFor(scenario).ExecuteAsync(CancellationToken.None);
        await Assert.ThrowsAsync<PaymentFailedException>(() => scenario.ConfirmAsync(buyer, hold.Id, key: "lost"));
        var order = await scenario.ConfirmAsync(buyer, hold.Id, key: "again");

        Assert.Single(order.Tickets);
        var statuses = await scenario.QueryAsync(db => db.Payments.OrderBy(p => p.CreatedAt).Select(p => p.Status).ToListAsync());
        Assert.Equal([PaymentStatus.Failed, PaymentStatus.Fulfilled], statuses);
        await AssertLedgerAsync(scenario, validTickets: 1);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_lost_or_late_answer_is_looked_up_at_once_so_the_buyer_gets_the_order(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "settle-lookup");
        scenario.Options.PaymentTimeout = TimeSpan.FromMilliseconds(300);
        var buyer = scenario.Buyers[0];
        var first = await scenario.ReserveAsync(buyer, scenario.SeatIds[0]);
        var second = await scenario.ReserveAsync(buyer, scenario.SeatIds[1]);

        var lost = await scenario.ConfirmAsync(buyer, first.Id, SimulatedPaymentGateway.AnswerLost, "lost");
        var late = await scenario.ConfirmAsync(buyer, second.Id, SimulatedPaymentGateway.TimingOut, "late");

        Assert.Equal((first.Id, second.Id), (lost.HoldId, late.HoldId));
        Assert.Equal([PaymentStatus.Fulfilled, PaymentStatus.Fulfilled], await scenario.QueryAsync(db => db.Payments.Select(p => p.Status).ToListAsync()));
        await AssertLedgerAsync(scenario, validTickets: 2);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Notices_and_two_reconcilers_racing_on_one_backlog_settle_each_payment_exactly_once(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "settle-race", buyers: 3, rows: 4, seatsPerRow: 6);
        scenario.Options.MaxActiveHoldsPerEvent = 100;
        var holds = new List<Hold>();
        for (var i = 0; i < 12; i++)
        {
            var hold = await scenario.ReserveAsync(scenario.Buyers[i % 3], scenario.SeatIds[2 * i], scenario.SeatIds[(2 * i) + 1]);
            holds.Add(hold);
            await CrashAfterChargingAsync(scenario, hold, $"key-{i}");
        }

        // A third of the holds are released by their buyers before anyone settles: those are refunded.
        foreach (var hold in holds.Where((_, i) => i % 3 == 0))
        {
            await scenario.ReleaseAsync(hold.UserId, hold.Id);
        }

        scenario.Clock.Advance(scenario.Options.PaymentTimeout);
        scenario.Options.ReconcileBatchSize = 5;
        var notices = holds.Take(4).Select(async hold =>
        {
            await using var db = scenario.Database.CreateContext();
            var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.HoldId == hold.Id);
            var outcome = await scenario.Gateway.LookUpAsync(payment.ProcessorKey, null, CancellationToken.None);
            var notice = new PaymentNotice(scenario.Gateway.Name, payment.ProcessorKey, ((ChargeResult.Succeeded)outcome!).ProviderReference, outcome);
            await new SettlePayment(db, scenario.Store, scenario.Publisher, scenario.Gateway, scenario.Clock, scenario.Options).HandleAsync(notice, CancellationToken.None);
        });
        var reconcilers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var claimed = 0;
            ReconcileRun run;
            do
            {
                run = await ReconcilerFor(scenario).ExecuteAsync(CancellationToken.None);
                claimed += run.Claimed;
                Assert.Empty(run.Errors);
            }
            while (run.Claimed > 0);
            return claimed;
        }));
        await Task.WhenAll(notices);
        var claims = await Task.WhenAll(reconcilers);

        Assert.True(claims.Sum() <= 12, $"Payments were claimed {claims.Sum()} times for 12.");
        var statuses = await scenario.QueryAsync(db => db.Payments.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(8, statuses.GetValueOrDefault(PaymentStatus.Fulfilled));
        Assert.Equal(4, statuses.GetValueOrDefault(PaymentStatus.Refunded));
        Assert.Equal(8, await scenario.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(4, await scenario.QueryAsync(db => db.Refunds.CountAsync()));
        Assert.Equal(0, (await scenario.QueryAsync(db => ReconcilePayments.BacklogAsync(db, scenario.Clock.GetUtcNow().UtcDateTime, CancellationToken.None))).InLimbo);
        await AssertLedgerAsync(scenario, validTickets: 16);
    }

    /// <summary>What a killed Api leaves: the attempt recorded, the processor charged, nothing settled.</summary>
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_seat_repriced_while_its_charge_was_in_flight_is_sold_at_the_price_it_was_held_at(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "settle-price");
        var buyer = scenario.Buyers[0];
        var hold = await scenario.ReserveAsync(buyer, scenario.SeatIds[0], scenario.SeatIds[1]);
        await CrashAfterChargingAsync(scenario, hold, "key-1");

        // The hold lapsed while the charge was running, so the organizer's price change (issue #14)
        // repriced its seats, as updateEvent does for every seat free at the time.
        scenario.Clock.Advance(scenario.Options.HoldDuration + TimeSpan.FromSeconds(1));
        await scenario.QueryAsync(db => db.EventSeats.Where(s => s.EventId == scenario.EventId && s.SeatId == scenario.SeatIds[0])
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Price, s => s.Price + 25m)));
        await ReconcilerFor(scenario).ExecuteAsync(CancellationToken.None);

        var order = await scenario.QueryAsync(db => db.Orders.Include(o => o.Tickets).SingleAsync());
        var paid = await scenario.QueryAsync(db => db.Payments.Select(p => p.Amount).SingleAsync());
        Assert.Equal((hold.Total, hold.Total), (order.Total, paid));
        Assert.Equal(hold.Total.Amount, order.Tickets.Sum(t => t.Price.Amount));
        await AssertLedgerAsync(scenario, validTickets: 2);
    }

    private static async Task CrashAfterChargingAsync(BookingScenario scenario, Hold hold, string key)
    {
        var payment = await RecordAttemptAsync(scenario, hold, key);
        var charged = await scenario.Gateway.ChargeAsync(new ChargeRequest("tok_visa", payment.Amount, payment.ProcessorKey, "test"), CancellationToken.None);
        Assert.IsType<ChargeResult.Succeeded>(charged);
    }

    private static async Task<Payment> RecordAttemptAsync(BookingScenario scenario, Hold hold, string key)
    {
        var now = scenario.Clock.GetUtcNow().UtcDateTime;
        var payment = Payment.Start(hold.Id, hold.UserId, hold.Total, scenario.Gateway.Name, key, "tok_visa", now, now + scenario.Options.PaymentTimeout);
        await using var db = scenario.Database.CreateContext();
        db.Payments.Add(payment);
        await db.SaveChangesAsync();
        return payment;
    }

    private static ReconcilePayments ReconcilerFor(BookingScenario scenario) =>
        new(new Contexts(scenario.Database), new PaymentClaims(scenario.Store), scenario.Store, scenario.Publisher, scenario.Gateway, scenario.Clock, scenario.Options);

    /// <summary>
    /// ADR 0015's ledger, in SQL: what the processor took minus what it gave back equals the price of the
    /// valid tickets, and so does what our payments and refunds say; and nothing is left in limbo.
    /// </summary>
    private static async Task AssertLedgerAsync(BookingScenario scenario, int validTickets)
    {
        await using var db = scenario.Database.CreateContext();
        var processor = await db.Database.SqlQueryRaw<decimal>(
            "SELECT (SELECT COALESCE(SUM(amount), 0) FROM simulated_gateway_charges WHERE status = 'Succeeded') - (SELECT COALESCE(SUM(amount), 0) FROM simulated_gateway_refunds) AS Value").SingleAsync();
        var ours = await db.Database.SqlQueryRaw<decimal>(
            "SELECT (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE status IN ('Succeeded', 'Fulfilled', 'Refunding', 'Refunded')) - (SELECT COALESCE(SUM(amount), 0) FROM refunds) AS Value").SingleAsync();
        var tickets = await db.Database.SqlQueryRaw<decimal>("SELECT COALESCE(SUM(amount), 0) AS Value FROM tickets WHERE status = 'Valid'").SingleAsync();
        var limbo = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM payments WHERE next_check_at IS NOT NULL").SingleAsync();

        Assert.Equal((tickets, tickets, 0), (processor, ours, limbo));
        Assert.Equal(validTickets, await db.Tickets.CountAsync(t => t.Status == TicketStatus.Valid));
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM (SELECT event_id, seat_id FROM tickets WHERE status = 'Valid' GROUP BY event_id, seat_id HAVING COUNT(*) > 1) doubled").SingleAsync());
    }

    private sealed class Contexts(TestDatabase database) : IDbContextFactory<TicketMasterDbContext>
    {
        public TicketMasterDbContext CreateDbContext() => database.CreateContext();
    }
}
