using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Orders;
using TicketMaster.Payments;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.Booking;

public sealed class ConfirmationTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Confirming_charges_once_sells_the_seats_and_issues_a_ticket_each(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "confirm");
        var buyer = scenario.Buyers[0];
        var hold = await scenario.ReserveAsync(buyer, scenario.SeatIds[0], scenario.SeatIds[8]);

        var order = await scenario.ConfirmAsync(buyer, hold.Id, key: "key-1");
        var again = await scenario.ConfirmAsync(buyer, hold.Id, key: "key-1");

        Assert.Equal(order.Id, again.Id);
        Assert.Equal(new Money(130m, "EUR"), order.Total);
        Assert.Equal(2, order.Tickets.Count);
        var seats = await scenario.SeatsAsync();
        Assert.All(order.Tickets, t => Assert.Equal((SeatStatus.Sold, (Guid?)order.Id), (seats[t.SeatId].Status, seats[t.SeatId].OrderId)));
        var payment = await scenario.QueryAsync(db => db.Payments.SingleAsync());
        Assert.Equal((PaymentStatus.Fulfilled, 130m, "simulated"), (payment.Status, payment.Amount.Amount, payment.Provider));
        Assert.Equal(HoldStatus.Confirmed, await scenario.QueryAsync(db => db.Holds.Where(h => h.Id == hold.Id).Select(h => h.Status).SingleAsync()));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_declined_card_leaves_the_seats_held_and_records_the_attempt(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "declined");
        var buyer = scenario.Buyers[0];
        var hold = await scenario.ReserveAsync(buyer, scenario.SeatIds[0]);

        await Assert.ThrowsAsync<PaymentDeclinedException>(() => scenario.ConfirmAsync(buyer, hold.Id, SimulatedPaymentGateway.Declining, "k1"));
        await Assert.ThrowsAsync<PaymentDeclinedException>(() => scenario.ConfirmAsync(buyer, hold.Id, SimulatedPaymentGateway.Declining, "k1"));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => scenario.ConfirmAsync(buyer, hold.Id, "tok_visa", "k1"));
        var order = await scenario.ConfirmAsync(buyer, hold.Id, "tok_visa", "k2");

        var payments = await scenario.QueryAsync(db => db.Payments.Select(p => p.Status).ToListAsync());
        Assert.Equal([PaymentStatus.Declined, PaymentStatus.Fulfilled], payments.OrderBy(s => s));
        Assert.Single(order.Tickets);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Only_the_holder_confirms_once_and_a_key_serves_one_reservation(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "owner");
        var (a, b) = (scenario.Buyers[0], scenario.Buyers[1]);
        var hold = await scenario.ReserveAsync(a, scenario.SeatIds[0]);
        var other = await scenario.ReserveAsync(b, scenario.SeatIds[1]);

        await Assert.ThrowsAsync<NotYourReservationException>(() => scenario.ConfirmAsync(b, hold.Id));
        await scenario.ConfirmAsync(a, hold.Id, key: "shared");
        await Assert.ThrowsAsync<ReservationAlreadyConfirmedException>(() => scenario.ConfirmAsync(a, hold.Id, key: "another"));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => scenario.ConfirmAsync(b, other.Id, key: "shared"));
        await Assert.ThrowsAsync<ReservationNotFoundException>(() => scenario.ConfirmAsync(a, Guid.NewGuid()));

        Assert.Equal(1, await scenario.QueryAsync(db => db.Orders.CountAsync()));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_key_sent_again_with_another_payment_token_is_refused_and_charges_nothing(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "key-input");
        var (a, b) = (scenario.Buyers[0], scenario.Buyers[1]);
        var confirmed = await scenario.ReserveAsync(a, scenario.SeatIds[0]);
        var declined = await scenario.ReserveAsync(b, scenario.SeatIds[1]);

        var order = await scenario.ConfirmAsync(a, confirmed.Id, "tok_visa", key: "paid");
        var retry = await scenario.ConfirmAsync(a, confirmed.Id, "tok_visa", key: "paid");
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => scenario.ConfirmAsync(a, confirmed.Id, "tok_chargeDeclined", key: "paid"));
        await Assert.ThrowsAsync<PaymentDeclinedException>(() => scenario.ConfirmAsync(b, declined.Id, "tok_chargeDeclined", key: "declined"));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => scenario.ConfirmAsync(b, declined.Id, "tok_visa", key: "declined"));

        Assert.Equal(order.Id, retry.Id);
        // One attempt per key, whatever was sent again under it (the fake clock gives both the same time).
        var payments = await scenario.QueryAsync(db => db.Payments.Select(p => p.Status).ToListAsync());
        Assert.Equal([PaymentStatus.Declined, PaymentStatus.Fulfilled], payments.OrderBy(s => s));
        Assert.Equal(SeatStatus.Held, (await scenario.SeatsAsync())[scenario.SeatIds[1]].Status);
    }
}
