using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.Booking;

/// <summary>
/// Real parallelism against a real database: every buyer has its own account, context and
/// connection, all released at once; the invariants are then checked with queries on the tables.
/// </summary>
public sealed class ConcurrencyTests
{
    private sealed record Attempt(int Buyer, int[] Seats, Hold? Hold, Order? Order, string? Error);

    [SkippableTheory]
    [InlineData(DatabaseProvider.MySql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Five_hundred_buyers_on_overlapping_seats_never_oversell(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "onsale", buyers: 500, rows: 25, seatsPerRow: 20);
        var hotZone = scenario.SeatIds.Take(300).ToArray();

        var attempts = await Task.WhenAll(scenario.Buyers.Select((buyer, i) => Task.Run(async () =>
        {
            var random = new Random(i);
            var start = random.Next(hotZone.Length - 4);
            var seats = hotZone[start..(start + random.Next(2, 5))];
            try
            {
                var hold = await scenario.ReserveAsync(buyer, seats);
                return new Attempt(buyer, seats, hold, await scenario.ConfirmAsync(buyer, hold.Id), null);
            }
            catch (DomainException e)
            {
                return new Attempt(buyer, seats, null, null, e.GetType().Name);
            }
        })));

        var won = attempts.Where(a => a.Order is not null).ToList();
        Assert.All(attempts.Where(a => a.Order is null), a => Assert.Equal(nameof(SeatsUnavailableException), a.Error));
        Assert.InRange(won.Count, 50, 300);

        await using var db = scenario.Database.CreateContext();
        var tickets = await db.Tickets.Where(t => t.EventId == scenario.EventId && t.Status == TicketStatus.Valid).ToListAsync();
        var sold = await db.EventSeats.Where(s => s.EventId == scenario.EventId && s.Status == SeatStatus.Sold).ToListAsync();
        Assert.Equal(tickets.Count, tickets.Select(t => t.SeatId).Distinct().Count());
        Assert.Equal(sold.Select(s => s.SeatId).Order(), tickets.Select(t => t.SeatId).Order());
        Assert.Equal(won.SelectMany(a => a.Seats).Order(), sold.Select(s => s.SeatId).Order());
        Assert.All(won, a => Assert.All(a.Seats, seat => Assert.Equal(a.Order!.Id, sold.Single(s => s.SeatId == seat).OrderId)));
        Assert.Equal(won.Count, await db.Holds.CountAsync(h => h.EventId == scenario.EventId));
        Assert.Equal(won.Count, await db.Payments.CountAsync(p => p.Status == PaymentStatus.Fulfilled));
        Assert.Equal(0, await db.EventSeats.CountAsync(s => s.EventId == scenario.EventId && s.Status == SeatStatus.Held));
    }

    [SkippableFact]
    public async Task Without_the_row_lock_the_same_rush_double_books_seats_so_the_lock_is_what_prevents_it()
    {
        async Task<int> DoubleBookedSeatsAsync(bool skipRowLocks)
        {
            await using var scenario = await BookingScenario.CreateAsync(DatabaseProvider.MySql, "nolock", buyers: 200, rows: 5, seatsPerRow: 10);
            scenario.Options.UnsafeSkipRowLocks = skipRowLocks;
            var hotZone = scenario.SeatIds.Take(10).ToArray();
            await Task.WhenAll(scenario.Buyers.Select((buyer, i) => Task.Run(async () =>
            {
                var start = i % (hotZone.Length - 1);
                try
                {
                    await scenario.ReserveAsync(buyer, hotZone[start], hotZone[start + 1]);
                }
                catch (SeatsUnavailableException)
                {
                }
            })));

            // A seat that two active holds both believe they have.
            return await scenario.QueryAsync(db => db.HoldSeats
                .Join(db.Holds.Where(h => h.Status == HoldStatus.Active), s => s.HoldId, h => h.Id, (s, _) => s.SeatId)
                .GroupBy(seat => seat).CountAsync(g => g.Count() > 1));
        }

        Assert.Equal(0, await DoubleBookedSeatsAsync(skipRowLocks: false));
        Assert.True(await DoubleBookedSeatsAsync(skipRowLocks: true) > 0, "Without FOR UPDATE concurrent buyers should have double-booked a seat.");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.MySql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Two_buyers_on_one_last_seat_leave_exactly_one_holder(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "lastseat", buyers: 2, rows: 5, seatsPerRow: 4);
        foreach (var seat in scenario.SeatIds)
        {
            var outcomes = await Task.WhenAll(scenario.Buyers.Select(buyer => Task.Run(async () =>
            {
                try
                {
                    return (await scenario.ReserveAsync(buyer, seat)).Id;
                }
                catch (SeatsUnavailableException)
                {
                    return (Guid?)null;
                }
            })));

            var winner = Assert.Single(outcomes, id => id is not null);
            Assert.Equal(winner, (await scenario.SeatsAsync())[seat].HoldId);
            scenario.Clock.Advance(TimeSpan.FromMinutes(11));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.MySql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Racing_confirmations_release_and_expiry_each_have_exactly_one_winner(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "races", buyers: 1, rows: 10, seatsPerRow: 4);
        var buyer = scenario.Buyers[0];
        for (var round = 0; round < 8; round++)
        {
            var seat = scenario.SeatIds[round];
            var hold = await scenario.ReserveAsync(buyer, seat);
            var late = new FakeTimeProvider(hold.ExpiresAt.AddSeconds(1));
            Func<Task> rival = (round % 3) switch
            {
                0 => () => scenario.ConfirmAsync(buyer, hold.Id),
                1 => () => scenario.ReleaseAsync(buyer, hold.Id),
                _ => () => scenario.ExpireAsync(late),
            };

            await Task.WhenAll(Swallow(() => scenario.ConfirmAsync(buyer, hold.Id)), Swallow(rival));

            await using var db = scenario.Database.CreateContext();
            var status = await db.Holds.Where(h => h.Id == hold.Id).Select(h => h.Status).SingleAsync();
            var orders = await db.Orders.CountAsync(o => o.HoldId == hold.Id);
            var seatState = (await scenario.SeatsAsync())[seat].Status;
            var charged = await db.Payments.CountAsync(p => p.HoldId == hold.Id && p.Status == PaymentStatus.Fulfilled);
            Assert.True(
                (status == HoldStatus.Confirmed && orders == 1 && seatState == SeatStatus.Sold && charged == 1) ||
                (status != HoldStatus.Confirmed && orders == 0 && seatState == SeatStatus.Available && charged == 0),
                $"Round {round}: hold {status}, {orders} orders, seat {seatState}, {charged} unrefunded charges.");
            scenario.Clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.MySql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Concurrent_retries_with_one_idempotency_key_make_one_order_and_one_charge(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "samekey", buyers: 1);
        var buyer = scenario.Buyers[0];
        var hold = await scenario.ReserveAsync(buyer, scenario.SeatIds[0], scenario.SeatIds[1]);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await scenario.ConfirmAsync(buyer, hold.Id, key: "one-key")).Id.ToString();
            }
            catch (DomainException e)
            {
                return e.GetType().Name;
            }
        })));

        await using var db = scenario.Database.CreateContext();
        var order = await db.Orders.SingleAsync(o => o.HoldId == hold.Id);
        Assert.All(outcomes, outcome => Assert.Contains(outcome, new[] { order.Id.ToString(), nameof(ConfirmationInProgressException) }));
        Assert.Contains(order.Id.ToString(), outcomes);
        Assert.Equal(1, await db.Payments.CountAsync(p => p.HoldId == hold.Id));
        Assert.Equal(2, await db.Tickets.CountAsync(t => t.OrderId == order.Id));
    }

    private static async Task Swallow(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (DomainException)
        {
        }
    }

    [SkippableFact]
    public async Task Seats_locked_past_every_retry_end_in_try_again_with_nothing_changed_and_the_charge_refunded()
    {
        await using var scenario = await BookingScenario.CreateAsync(DatabaseProvider.MySql, "try-again");
        var (a, b) = (scenario.Buyers[0], scenario.Buyers[1]);
        var (heldSeat, freeSeat) = (scenario.SeatIds[0], scenario.SeatIds[1]);
        var hold = await scenario.ReserveAsync(a, heldSeat);

        // Another session locks both seats' rows and keeps them past every retry.
        await using var blocker = scenario.Database.CreateContext();
        await using var blocking = await blocker.Database.BeginTransactionAsync();
        await blocker.Database.ExecuteSqlRawAsync(
            "SELECT seat_id FROM event_seats WHERE event_id = {0} AND seat_id IN ({1}, {2}) FOR UPDATE", scenario.EventId, heldSeat, freeSeat);

        await using var confirmDb = scenario.Database.CreateContext(new ShortLockWait());
        await using var reserveDb = scenario.Database.CreateContext(new ShortLockWait());
        var confirm = new ConfirmReservation(confirmDb, scenario.Store, scenario.Publisher, scenario.Gateway, scenario.Clock, scenario.Options)
            .ExecuteAsync(a, hold.Id, "tok_visa", "contended", CancellationToken.None);
        var reserve = new ReserveSeats(reserveDb, scenario.Store, scenario.Publisher, scenario.Clock, scenario.Options)
            .ExecuteAsync(b, scenario.EventId, [freeSeat], CancellationToken.None);
        var confirmError = await Assert.ThrowsAsync<TryAgainException>(() => confirm);
        var reserveError = await Assert.ThrowsAsync<TryAgainException>(() => reserve);
        await blocking.RollbackAsync();

        Assert.Equal((nameof(TryAgainException), nameof(TryAgainException)), (confirmError.GetType().Name, reserveError.GetType().Name));
        var seats = await scenario.SeatsAsync();
        Assert.Equal((SeatStatus.Held, hold.Id), (seats[heldSeat].Status, seats[heldSeat].HoldId!.Value));
        Assert.Equal(SeatStatus.Available, seats[freeSeat].Status);
        Assert.Equal(0, await scenario.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal([PaymentStatus.Refunded], await scenario.QueryAsync(db => db.Payments.Select(p => p.Status).ToListAsync()));
    }

    /// <summary>Lock waits of one second instead of fifty, so exhausting the retries takes seconds.</summary>
    private sealed class ShortLockWait : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SET SESSION innodb_lock_wait_timeout = 1";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
