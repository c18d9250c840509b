using Microsoft.EntityFrameworkCore;
using TicketMaster.Events;
using TicketMaster.Booking;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.Booking;

public sealed class ReservationTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_reservation_takes_all_its_seats_or_none(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "reserve");
        var (a, b) = (scenario.Buyers[0], scenario.Buyers[1]);
        var seats = scenario.SeatIds;

        var hold = await scenario.ReserveAsync(a, seats[0], seats[1], seats[2]);
        var error = await Assert.ThrowsAsync<SeatsUnavailableException>(() => scenario.ReserveAsync(b, seats[2], seats[3]));

        Assert.Equal([seats[2]], error.SeatIds);
        var state = await scenario.SeatsAsync();
        Assert.All(seats.Take(3), id => Assert.Equal((SeatStatus.Held, (Guid?)hold.Id), (state[id].Status, state[id].HoldId)));
        Assert.Equal(SeatStatus.Available, state[seats[3]].Status);
        Assert.Equal(scenario.Clock.GetUtcNow().UtcDateTime.AddMinutes(10), hold.ExpiresAt);
        var changes = await scenario.QueryAsync(db => db.OutboxMessages.Where(m => m.Type == OutboxMessageTypes.SeatsChanged).ToListAsync());
        Assert.Equal(seats.Take(3).Order(), Assert.Single(changes).ReadPayload<SeatsChanged>().SeatIds);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Bad_requests_are_refused_with_a_named_reason_and_change_nothing(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "refuse", rows: 3, seatsPerRow: 4);
        var buyer = scenario.Buyers[0];
        var seats = scenario.SeatIds;

        await Assert.ThrowsAsync<TooManySeatsException>(() => scenario.ReserveAsync(buyer, seats.Take(9).ToArray()));
        await Assert.ThrowsAsync<NoSeatsException>(() => scenario.ReserveAsync(buyer));
        var unknown = await Assert.ThrowsAsync<SeatsNotInEventException>(() => scenario.ReserveAsync(buyer, seats[0], 999_999));
        Assert.Equal([999_999], unknown.SeatIds);
        await Assert.ThrowsAsync<EventNotFoundException>(() => scenario.ReserveAsync(buyer, 999_999, [seats[0]]));

        await scenario.ReserveAsync(buyer, seats[0]);
        await scenario.ReserveAsync(buyer, seats[1]);
        await Assert.ThrowsAsync<TooManyReservationsException>(() => scenario.ReserveAsync(buyer, seats[2]));

        var state = await scenario.SeatsAsync();
        Assert.Equal(2, state.Values.Count(s => s.Status == SeatStatus.Held));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Seats_of_another_event_at_the_same_venue_are_not_this_events(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "otherevent");
        var otherEventsHold = await scenario.ReserveAsync(scenario.Buyers[0], scenario.OtherEventId, [scenario.SeatIds[0]]);

        var mine = await scenario.ReserveAsync(scenario.Buyers[1], scenario.SeatIds[0]);

        Assert.NotEqual(otherEventsHold.Id, mine.Id);
        Assert.Equal(SeatStatus.Held, (await scenario.SeatsAsync(scenario.OtherEventId))[scenario.SeatIds[0]].Status);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task An_expired_hold_never_blocks_a_new_reservation_even_before_cleanup(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "lapse");
        var seat = scenario.SeatIds[0];
        var first = await scenario.ReserveAsync(scenario.Buyers[0], seat);

        scenario.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await scenario.ReserveAsync(scenario.Buyers[1], seat);

        Assert.Equal(second.Id, (await scenario.SeatsAsync())[seat].HoldId);
        await Assert.ThrowsAsync<ReservationExpiredException>(() => scenario.ConfirmAsync(scenario.Buyers[0], first.Id));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Releasing_gives_the_seats_back_and_only_the_holder_can_release(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "release");
        var hold = await scenario.ReserveAsync(scenario.Buyers[0], scenario.SeatIds[0], scenario.SeatIds[1]);

        await Assert.ThrowsAsync<NotYourReservationException>(() => scenario.ReleaseAsync(scenario.Buyers[1], hold.Id));
        var released = await scenario.ReleaseAsync(scenario.Buyers[0], hold.Id);
        await Assert.ThrowsAsync<ReservationNotActiveException>(() => scenario.ReleaseAsync(scenario.Buyers[0], hold.Id));

        Assert.Equal(HoldStatus.Released, released.Status);
        Assert.All((await scenario.SeatsAsync()).Values, s => Assert.Equal(SeatStatus.Available, s.Status));

        // Published after each commit, and only for what committed: versions only grow.
        var changes = scenario.Publisher.Changes;
        Assert.Equal([SeatStatus.Held, SeatStatus.Available], changes.Select(c => c.Change.Status));
        Assert.True(changes[1].Version > changes[0].Version);
        Assert.All(changes, c => Assert.Equal([scenario.SeatIds[0], scenario.SeatIds[1]], c.Change.SeatIds));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task The_expiry_job_ends_lapsed_holds_and_frees_their_seats(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "expiry");
        var lapsed = await scenario.ReserveAsync(scenario.Buyers[0], scenario.SeatIds[0]);
        scenario.Clock.Advance(TimeSpan.FromMinutes(5));
        var live = await scenario.ReserveAsync(scenario.Buyers[1], scenario.SeatIds[1]);
        scenario.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, await scenario.ExpireAsync());
        Assert.Equal(0, await scenario.ExpireAsync());

        var holds = await scenario.QueryAsync(db => db.Holds.ToDictionaryAsync(h => h.Id, h => h.Status));
        Assert.Equal((HoldStatus.Expired, HoldStatus.Active), (holds[lapsed.Id], holds[live.Id]));
        var seats = await scenario.SeatsAsync();
        Assert.Equal((SeatStatus.Available, SeatStatus.Held), (seats[scenario.SeatIds[0]].Status, seats[scenario.SeatIds[1]].Status));
    }
}
