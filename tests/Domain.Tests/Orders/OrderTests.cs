using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Orders;

namespace TicketMaster.Domain.Tests.Orders;

public sealed class OrderTests
{
    [Fact]
    public void A_confirmed_hold_becomes_one_valid_ticket_per_seat_at_the_price_paid()
    {
        var venue = TestData.Venue().WithKeys();
        var gig = TestData.Event(venue);
        gig.AssignKey(9);
        var seats = gig.CreateInventory(venue).Where(s => s.SeatId is 1 or 7).ToList();
        var hold = Hold.Place(1, 9, seats.Select(s => s.SeatId).ToList(), Order.TotalOf(seats, "EUR"), TestData.Now, Hold.DefaultDuration);
        hold.Confirm(1, TestData.Now);

        var order = Order.FromHold(hold, seats, "EUR", Guid.NewGuid(), TestData.Now);

        Assert.Equal(new Money(130m, "EUR"), order.Total);
        Assert.Equal([(1, 80m), (7, 50m)], order.Tickets.Select(t => (t.SeatId, t.Price.Amount)));
        Assert.All(order.Tickets, t => Assert.Equal(TicketStatus.Valid, t.Status));
        Assert.Equal(hold.Id, order.HoldId);
    }

    [Fact]
    public void An_unconfirmed_hold_cannot_become_an_order()
    {
        var hold = Hold.Place(1, 9, [1], new Money(80m, "EUR"), TestData.Now, Hold.DefaultDuration);

        Assert.Throws<ReservationNotActiveException>(() => Order.FromHold(hold, [], "EUR", Guid.NewGuid(), TestData.Now));
    }

    [Fact]
    public void Amounts_in_different_currencies_do_not_add_up()
    {
        Assert.Throws<CurrencyMismatchException>(() => new Money(1m, "EUR") + new Money(1m, "USD"));
        Assert.Equal(new Money(3.5m, "EUR"), new Money(1.25m, "EUR") + new Money(2.25m, "EUR"));
    }

    [Fact]
    public void A_payment_moves_from_pending_to_one_outcome_and_only_a_success_can_be_refunded()
    {
        var payment = Payment.Start(Guid.NewGuid(), 1, new Money(10m, "EUR"), "simulated", "key-1", "tok_visa", TestData.Now, TestData.Now.AddSeconds(15));
        payment.Decline("card declined", TestData.Now);

        Assert.Throws<PaymentStateException>(() => payment.Succeed("ch_1", TestData.Now));
        Assert.Throws<PaymentStateException>(() => payment.Refund(TestData.Now));
        Assert.Equal((PaymentStatus.Declined, "card declined"), (payment.Status, payment.FailureReason));
    }
}
