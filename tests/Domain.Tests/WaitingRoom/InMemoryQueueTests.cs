using TicketMaster.WaitingRoom;

namespace TicketMaster.Domain.Tests.WaitingRoom;

/// <summary>The in-memory queue's rules on a clock the test moves: the opening draw, the rate, the room's maximum and passes running out.</summary>
public sealed class InMemoryQueueTests
{
    private const int EventId = 7;
    private static readonly DateTime Opening = new(2026, 12, 1, 18, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// 8 accounts join before the opening, 20,000 times (fixed seed). Each account should land on
    /// each of the 8 places 2,500 times. The tolerance: Pearson's chi-square over the 8×8 table
    /// (49 degrees of freedom) stays under 85.4, its 99.9th percentile, and no cell is off by more
    /// than 10% (about 5.5 standard deviations), so a fair draw fails about once in a thousand seeds
    /// and a draw that favours early arrivals by a few percent fails always.
    /// </summary>
    [Fact]
    public async Task The_opening_draw_places_every_early_arrival_uniformly_at_random()
    {
        const int accounts = 8, trials = 20_000;
        var counts = new int[accounts, accounts];
        var options = new WaitingRoomOptions { ShuffleSeed = 18 };
        var queue = new InMemoryWaitingRoomQueue(options);
        for (var trial = 0; trial < trials; trial++)
        {
            await queue.ConfigureAsync(Room(trial, admissionsPerMinute: 1, maxAdmitted: 1), default);
            for (var user = 0; user < accounts; user++)
            {
                await queue.JoinAsync(trial, user, Opening.AddMinutes(-5).AddSeconds(user), default);
            }

            for (var user = 0; user < accounts; user++)
            {
                var ticket = (await queue.FindAsync(trial, user, Opening, default))!;
                counts[user, ticket.Status == QueueStatus.Admitted ? 0 : ticket.Position!.Value]++;
            }
        }

        var expected = trials / (double)accounts;
        var chiSquare = 0.0;
        foreach (var count in counts)
        {
            chiSquare += Math.Pow(count - expected, 2) / expected;
            Assert.InRange(count, expected * 0.9, expected * 1.1);
        }

        Assert.True(chiSquare < 85.4, $"chi-square {chiSquare:F1} over 49 degrees of freedom: the draw is not uniform");
    }

    [Fact]
    public async Task Arrivals_after_the_opening_join_the_back_in_arrival_order()
    {
        var queue = new InMemoryWaitingRoomQueue(new WaitingRoomOptions());
        await queue.ConfigureAsync(Room(EventId, admissionsPerMinute: 1, maxAdmitted: 1), default);

        var positions = new List<int?>();
        for (var user = 1; user <= 4; user++)
        {
            positions.Add((await queue.JoinAsync(EventId, user, Opening.AddSeconds(user), default)).Position);
        }

        Assert.Equal([null, 1, 2, 3], positions);
    }

    [Fact]
    public async Task Admissions_never_outrun_the_rate()
    {
        var queue = new InMemoryWaitingRoomQueue(new WaitingRoomOptions());
        await queue.ConfigureAsync(Room(EventId, admissionsPerMinute: 60, maxAdmitted: 10_000), default);
        for (var user = 1; user <= 500; user++)
        {
            await queue.JoinAsync(EventId, user, Opening, default);
        }

        for (var second = 1; second <= 60; second++)
        {
            await queue.FindAsync(EventId, 1, Opening.AddSeconds(second), default);
        }

        var last = (await queue.FindAsync(EventId, 500, Opening.AddSeconds(60), default))!;
        Assert.Equal(500 - 61, last.Position);
        // 61 admissions measured in the last minute: about one a second, so about a second per shopper ahead.
        Assert.InRange(last.EstimatedWait!.Value.TotalSeconds, (500 - 61 - 1) * 0.95, (500 - 61 - 1) * 1.05);
    }

    [Fact]
    public async Task The_room_never_holds_more_admitted_shoppers_than_its_maximum_and_an_expired_pass_frees_a_place()
    {
        var options = new WaitingRoomOptions { PassDuration = TimeSpan.FromMinutes(2) };
        var queue = new InMemoryWaitingRoomQueue(options);
        await queue.ConfigureAsync(Room(EventId, admissionsPerMinute: 6000, maxAdmitted: 3), default);
        var tickets = new List<QueueTicket>();
        for (var user = 1; user <= 5; user++)
        {
            tickets.Add(await queue.JoinAsync(EventId, user, Opening.AddSeconds(10), default));
        }

        Assert.Equal(3, tickets.Count(t => t.Status == QueueStatus.Admitted));
        Assert.Equal(PassCheck.Valid, await queue.CheckPassAsync(EventId, 1, tickets[0].Pass, Opening.AddSeconds(30), default));

        var later = Opening.AddSeconds(10) + options.PassDuration;
        Assert.Equal(PassCheck.Expired, await queue.CheckPassAsync(EventId, 1, tickets[0].Pass, later, default));
        Assert.Equal(QueueStatus.Admitted, (await queue.FindAsync(EventId, 4, later, default))!.Status);
        Assert.Equal(QueueStatus.Admitted, (await queue.FindAsync(EventId, 5, later, default))!.Status);
        Assert.Equal(QueueStatus.Expired, (await queue.FindAsync(EventId, 1, later, default))!.Status);
    }

    private static WaitingRoomSettings Room(int eventId, int admissionsPerMinute, int maxAdmitted)
    {
        var room = WaitingRoomSettings.For(eventId);
        room.TurnOn(admissionsPerMinute, maxAdmitted, Opening.AddHours(-1), Opening, Opening.AddHours(-2));
        return room;
    }
}
