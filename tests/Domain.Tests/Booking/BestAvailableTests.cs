using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Domain.Tests.Booking;

public sealed class BestAvailableTests
{
    // Two sections: Stalls (80, position 1) and Circle (50, position 2); rows A, B; seats 1..6.
    private static List<SeatCandidate> Map(Func<int, int, int, bool>? free = null)
    {
        var seats = new List<SeatCandidate>();
        var id = 1;
        foreach (var (section, price) in new[] { (1, 80m), (2, 50m) })
        {
            for (var row = 1; row <= 2; row++)
            {
                for (var number = 1; number <= 6; number++, id++)
                {
                    if (free?.Invoke(section, row, number) ?? true)
                    {
                        seats.Add(new SeatCandidate(id, (section * 10) + row, number, price, section, row));
                    }
                }
            }
        }

        return seats;
    }

    [Fact]
    public void The_best_seats_are_together_in_the_dearest_front_row_nearest_the_middle()
    {
        Assert.Equal([3, 4], BestSeats.Choose(Map(), 2));
        Assert.Equal([2, 3, 4], BestSeats.Choose(Map(), 3));
    }

    [Fact]
    public void Seats_together_further_back_beat_better_seats_apart()
    {
        // Front Stalls row has only seats 1, 3 and 5 free.
        var choice = BestSeats.Choose(Map((section, row, number) => !(section == 1 && row == 1) || number % 2 == 1), 2);

        Assert.Equal([9, 10], choice);
    }

    [Fact]
    public void When_no_row_has_the_seats_together_the_best_single_seats_are_taken()
    {
        var alternating = Map((_, _, number) => number % 2 == 1);

        Assert.Equal([1, 3, 5, 7], BestSeats.Choose(alternating, 4));
        Assert.Null(BestSeats.Choose(alternating.Take(3).ToList(), 4));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Best_available_reserves_the_best_free_block_within_the_price_and_section_asked(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "best", rows: 2, seatsPerRow: 6);
        await using var db = scenario.Database.CreateContext();
        var (a, b) = (scenario.Buyers[0], scenario.Buyers[1]);
        var useCase = new ReserveBestAvailable(db, new ReserveSeats(db, scenario.Store, scenario.Publisher, scenario.Clock, scenario.Options), scenario.Clock, scenario.Options);

        var front = await useCase.ExecuteAsync(a, scenario.EventId, 2, null, null, CancellationToken.None);
        var cheap = await useCase.ExecuteAsync(b, scenario.EventId, 3, null, new Money(60m, "EUR"), CancellationToken.None);

        var seats = scenario.SeatIds;
        Assert.Equal([seats[2], seats[3]], front.Seats.Select(s => s.SeatId));
        Assert.Equal([seats[13], seats[14], seats[15]], cheap.Seats.Select(s => s.SeatId));
        await Assert.ThrowsAsync<NotEnoughSeatsException>(() => useCase.ExecuteAsync(b, scenario.EventId, 1, null, new Money(10m, "EUR"), CancellationToken.None));
        var dollars = await Assert.ThrowsAsync<PriceInOtherCurrencyException>(() => useCase.ExecuteAsync(b, scenario.EventId, 1, null, new Money(500m, "USD"), CancellationToken.None));
        Assert.Equal(("USD", "EUR"), (dollars.Currency, dollars.EventCurrency));
        Assert.Equal(5, await db.EventSeats.CountAsync(s => s.EventId == scenario.EventId && s.HoldId != null));
    }
}
