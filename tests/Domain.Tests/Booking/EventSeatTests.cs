using TicketMaster.Booking;

namespace TicketMaster.Domain.Tests.Booking;

public sealed class EventSeatTests
{
    private static readonly DateTime Now = TestData.Now;

    private static EventSeat FreeSeat()
    {
        var venue = TestData.Venue().WithKeys();
        var gig = TestData.Event(venue);
        gig.AssignKey(1);
        return gig.CreateInventory(venue).First();
    }

    [Fact]
    public void A_held_seat_cannot_be_held_again_before_the_hold_expires()
    {
        var seat = FreeSeat();
        seat.PlaceHold(Guid.NewGuid(), Now.AddMinutes(10), Now);

        var error = Assert.Throws<SeatsUnavailableException>(() => seat.PlaceHold(Guid.NewGuid(), Now.AddMinutes(15), Now.AddMinutes(5)));

        Assert.Equal([seat.SeatId], error.SeatIds);
            }

    [Fact]
    public void An_expired_hold_never_blocks_a_new_one_even_before_cleanup()
    {
        var seat = FreeSeat();
        seat.PlaceHold(Guid.NewGuid(), Now.AddMinutes(10), Now);
        var next = Guid.NewGuid();

        Assert.Equal(SeatStatus.Available, seat.StatusAt(Now.AddMinutes(10)));
        seat.PlaceHold(next, Now.AddMinutes(20), Now.AddMinutes(10));

        Assert.Equal(next, seat.HoldId);
        Assert.Equal(SeatStatus.Held, seat.StatusAt(Now.AddMinutes(11)));
    }

    [Fact]
    public void Only_the_hold_that_has_the_seat_can_buy_it()
    {
        var seat = FreeSeat();
        var hold = Guid.NewGuid();
        seat.PlaceHold(hold, Now.AddMinutes(10), Now);

        Assert.Throws<SeatsUnavailableException>(() => seat.Sell(Guid.NewGuid(), Guid.NewGuid()));
        var order = Guid.NewGuid();
        seat.Sell(hold, order);

        Assert.Equal((SeatStatus.Sold, order), (seat.Status, seat.OrderId));
        Assert.False(seat.IsAvailableAt(Now.AddYears(1)));
    }

    [Fact]
    public void Releasing_someone_elses_hold_changes_nothing()
    {
        var seat = FreeSeat();
        var hold = Guid.NewGuid();
        seat.PlaceHold(hold, Now.AddMinutes(10), Now);

        Assert.False(seat.ReleaseHold(Guid.NewGuid()));
        Assert.Equal(hold, seat.HoldId);
        Assert.True(seat.ReleaseHold(hold));
        Assert.Equal((SeatStatus.Available, (Guid?)null), (seat.Status, seat.HoldId));
    }
}
