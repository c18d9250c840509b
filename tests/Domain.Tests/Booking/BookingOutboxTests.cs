using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.Booking;

/// <summary>Every booking step writes the one SeatsChanged row its hold and seats recorded, and publishes it under that row's id.</summary>
public sealed class BookingOutboxTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Each_booking_step_writes_exactly_one_SeatsChanged_row_and_publishes_it_under_its_id(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "step_outbox");
        await scenario.ResetBookingsAsync();
        var (a, b, c) = (scenario.Buyers[0], scenario.Buyers[1], scenario.Buyers[2]);
        var seats = scenario.SeatIds;

        var confirmed = await scenario.ReserveAsync(a, seats[1], seats[0]);
        await scenario.ConfirmAsync(a, confirmed.Id);
        var released = await scenario.ReserveAsync(b, seats[2]);
        await scenario.ReleaseAsync(b, released.Id);
        var expired = await scenario.ReserveAsync(c, seats[3], seats[4]);
        scenario.Clock.Advance(Hold.DefaultDuration);
        await scenario.ExpireAsync();

        var rows = await scenario.QueryAsync(db => db.OutboxMessages.OrderBy(m => m.Id).ToListAsync());
        Assert.All(rows, row => Assert.Equal((OutboxMessageTypes.SeatsChanged, $"{scenario.EventId}"), (row.Type, row.AggregateId)));
        Assert.Equal<SeatsChanged>(
            [
                new(scenario.EventId, [seats[0], seats[1]], SeatStatus.Held, confirmed.Id),
                new(scenario.EventId, [seats[0], seats[1]], SeatStatus.Sold, confirmed.Id),
                new(scenario.EventId, [seats[2]], SeatStatus.Held, released.Id),
                new(scenario.EventId, [seats[2]], SeatStatus.Available, released.Id),
                new(scenario.EventId, [seats[3], seats[4]], SeatStatus.Held, expired.Id),
                new(scenario.EventId, [seats[3], seats[4]], SeatStatus.Available, expired.Id),
            ],
            rows.Select(row => row.ReadPayload<SeatsChanged>()),
            new SeatsChangedComparer());
        var published = scenario.Publisher.Changes;
        Assert.Equal(rows.Select(row => row.Id), published.Select(change => change.Version));
        Assert.Equal(rows.Select(row => row.Id), published.Select(change => change.Hold.ChangeId));
        Assert.Equal(
            [HoldStatus.Active, HoldStatus.Confirmed, HoldStatus.Active, HoldStatus.Released, HoldStatus.Active, HoldStatus.Expired],
            published.Select(change => change.Hold.Status));
        Assert.All(published, change => Assert.NotEmpty(change.SectionIds));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task An_expired_hold_whose_seat_was_taken_since_still_writes_its_one_row_with_only_the_seats_it_freed(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "expiry_outbox");
        await scenario.ResetBookingsAsync();
        var seats = scenario.SeatIds;
        var lapsed = await scenario.ReserveAsync(scenario.Buyers[0], seats[0], seats[1]);
        scenario.Clock.Advance(Hold.DefaultDuration);
        var taker = await scenario.ReserveAsync(scenario.Buyers[1], seats[1]);

        Assert.Equal(1, await scenario.ExpireAsync());

        var rows = await scenario.QueryAsync(db => db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        Assert.Equal(3, rows.Count);
        var expiry = scenario.Publisher.Changes[^1];
        Assert.Equal((lapsed.Id, SeatStatus.Available, HoldStatus.Expired), (expiry.Change.HoldId, expiry.Change.Status, expiry.Hold.Status));
        Assert.Equal([seats[0]], expiry.Change.SeatIds);
        Assert.Equal(SeatStatus.Held, (await scenario.SeatsAsync())[seats[1]].Status);
        Assert.NotEqual(lapsed.Id, taker.Id);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_refused_step_writes_no_row_and_publishes_nothing(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "refused_outbox");
        await scenario.ResetBookingsAsync();
        var hold = await scenario.ReserveAsync(scenario.Buyers[0], scenario.SeatIds[0]);

        await Assert.ThrowsAsync<SeatsUnavailableException>(() => scenario.ReserveAsync(scenario.Buyers[1], scenario.SeatIds[1], scenario.SeatIds[0]));
        await Assert.ThrowsAsync<NotYourReservationException>(() => scenario.ReleaseAsync(scenario.Buyers[1], hold.Id));

        Assert.Equal(1, await scenario.QueryAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Single(scenario.Publisher.Changes);
    }

    private sealed class SeatsChangedComparer : IEqualityComparer<SeatsChanged>
    {
        public bool Equals(SeatsChanged? x, SeatsChanged? y) =>
            x is not null && y is not null && (x.EventId, x.Status, x.HoldId) == (y.EventId, y.Status, y.HoldId) && x.SeatIds.SequenceEqual(y.SeatIds);

        public int GetHashCode(SeatsChanged obj) => HashCode.Combine(obj.EventId, obj.Status, obj.HoldId);
    }
}
