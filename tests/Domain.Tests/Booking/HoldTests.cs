using Microsoft.Extensions.Time.Testing;
using TicketMaster.Booking;
using TicketMaster.Common;

namespace TicketMaster.Domain.Tests.Booking;

public sealed class HoldTests
{
    private readonly FakeTimeProvider _clock = new(TestData.Now);

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private Hold PlaceHold(int userId = 1) => Hold.Place(userId, eventId: 5, [3, 1, 2, 1], new Money(120m, "EUR"), Now, Hold.DefaultDuration);

    [Fact]
    public void A_hold_lasts_ten_minutes_and_keeps_its_seats_in_order()
    {
        var hold = PlaceHold();

        Assert.Equal(Now.AddMinutes(10), hold.ExpiresAt);
        Assert.Equal([1, 2, 3], hold.Seats.Select(s => s.SeatId));
        Assert.True(hold.IsActiveAt(Now));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(hold.IsActiveAt(Now));
    }

    [Fact]
    public void A_hold_needs_seats()
    {
        Assert.Throws<NoSeatsException>(() => Hold.Place(1, 5, [], Money.Zero("EUR"), Now, Hold.DefaultDuration));
    }

    [Fact]
    public void Only_the_buyer_who_placed_a_hold_can_confirm_it()
    {
        var hold = PlaceHold(userId: 1);

        Assert.Throws<NotYourReservationException>(() => hold.Confirm(userId: 2, Now));
        Assert.Equal(HoldStatus.Active, hold.Status);
    }

    [Fact]
    public void A_hold_cannot_be_confirmed_once_it_has_expired()
    {
        var hold = PlaceHold();
        _clock.Advance(TimeSpan.FromMinutes(10));

        var error = Assert.Throws<ReservationExpiredException>(() => hold.Confirm(1, Now));

        Assert.Equal(hold.Id, error.ReservationId);
    }

    [Fact]
    public void A_hold_is_confirmed_at_most_once()
    {
        var hold = PlaceHold();
        hold.Confirm(1, Now);

        Assert.Throws<ReservationAlreadyConfirmedException>(() => hold.Confirm(1, Now));
        Assert.Throws<ReservationNotActiveException>(() => hold.Release(1, Now));
    }

    [Fact]
    public void Expiry_applies_only_to_active_holds_past_their_time()
    {
        var hold = PlaceHold();

        Assert.False(hold.Expire(Now.AddMinutes(9)));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(hold.Expire(Now));
        Assert.Equal(HoldStatus.Expired, hold.Status);
        Assert.Throws<ReservationExpiredException>(() => hold.EnsureConfirmableBy(1, Now));
    }

    [Fact]
    public void A_hold_past_its_expiry_cannot_be_released_even_before_the_expiry_job_marks_it()
    {
        var hold = PlaceHold();
        _clock.Advance(TimeSpan.FromMinutes(10));

        var error = Assert.Throws<ReservationNotActiveException>(() => hold.Release(1, Now));

        Assert.Equal(HoldStatus.Expired, error.Status);
        Assert.True(hold.Expire(Now));
    }

    [Fact]
    public void A_released_hold_cannot_be_confirmed()
    {
        var hold = PlaceHold();
        hold.Release(1, Now);

        Assert.Throws<ReservationNotActiveException>(() => hold.Confirm(1, Now));
        Assert.False(hold.Expire(Now.AddHours(1)));
    }
}
