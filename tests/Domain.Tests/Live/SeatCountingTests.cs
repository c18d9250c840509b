using TicketMaster.Live;
using TicketMaster.Persistence;
using TicketMaster.Testing;
using TicketMaster.Domain.Tests.Booking;

namespace TicketMaster.Domain.Tests.Live;

/// <summary>The availability counts, on a real database: what a buyer sees as free, held and sold.</summary>
public sealed class SeatCountingTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task A_hold_past_its_expiry_counts_as_available_before_the_sweep_releases_it(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "seatcounts");
        var seats = scenario.SeatIds;
        var sold = await scenario.ReserveAsync(scenario.Buyers[0], seats[0], seats[1]);
        await scenario.ConfirmAsync(scenario.Buyers[0], sold.Id);
        await scenario.ReserveAsync(scenario.Buyers[1], seats[2], seats[3], seats[4]);
        scenario.Clock.Advance(scenario.Options.HoldDuration + TimeSpan.FromSeconds(1));
        await scenario.ReserveAsync(scenario.Buyers[2], seats[5]);

        var now = scenario.Clock.GetUtcNow().UtcDateTime;
        var byEvent = await scenario.QueryAsync(db => SeatCounting.ByEventAsync(db, [scenario.EventId, scenario.OtherEventId], now, CancellationToken.None));
        var bySection = await scenario.QueryAsync(db => SeatCounting.BySectionAsync(db, scenario.EventId, null, now, CancellationToken.None));

        // 16 seats: 2 sold, 1 held, and the 3 whose hold lapsed free again with the 10 never held.
        Assert.Equal(new SeatCounts(Total: 16, Available: 13, Held: 1, Sold: 2), byEvent[scenario.EventId]);
        Assert.Equal(new SeatCounts(Total: 16, Available: 16, Held: 0, Sold: 0), byEvent[scenario.OtherEventId]);
        Assert.Equal(byEvent[scenario.EventId], bySection.Values.Aggregate(SeatCounts.None, (total, section) => total + section));
    }
}
