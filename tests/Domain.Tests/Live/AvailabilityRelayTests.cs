using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TicketMaster.Booking;
using TicketMaster.Domain.Tests.Booking;
using TicketMaster.Live;
using TicketMaster.Persistence;
using TicketMaster.Testing;

namespace TicketMaster.Domain.Tests.Live;

/// <summary>The relay between committed bookings and the bus, on a real database: the counts each message carries.</summary>
public sealed class AvailabilityRelayTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.MySql)]
    public async Task Counts_recounted_for_the_changed_sections_only_match_a_full_count_after_every_change(DatabaseProvider provider)
    {
        await using var scenario = await BookingScenario.CreateAsync(provider, "relaycounts");
        var (stalls, circle) = (scenario.SeatIds.Take(8).ToArray(), scenario.SeatIds.Skip(8).ToArray());
        var bus = new InMemoryAvailabilityBus(new AvailabilityOptions());

        // Counted in full only once: every later count recounts just the sections that changed.
        var options = new AvailabilityOptions { CountInterval = TimeSpan.Zero, FullCountInterval = TimeSpan.FromHours(1) };
        var relay = new AvailabilityRelay(bus, new Contexts(scenario.Database), options, TimeProvider.System, NullLogger<AvailabilityRelay>.Instance);
        using var stop = new CancellationTokenSource();
        var running = relay.RunAsync(stop.Token);
        await using var subscription = await bus.SubscribeToEventAsync(scenario.EventId, CancellationToken.None);

        var first = await ReserveAsync(scenario, relay, scenario.Buyers[0], stalls[0], stalls[1]);
        await AssertCountsMatchDatabaseAsync(scenario, await NextAsync(subscription), held: 2);
        await ReserveAsync(scenario, relay, scenario.Buyers[1], circle[0], circle[1], circle[2]);
        await AssertCountsMatchDatabaseAsync(scenario, await NextAsync(subscription), held: 5);
        await using (var db = scenario.Database.CreateContext())
        {
            await new ReleaseReservation(db, scenario.Store, relay, scenario.Clock, scenario.Options).ExecuteAsync(scenario.Buyers[0], first.Id, CancellationToken.None);
        }

        await AssertCountsMatchDatabaseAsync(scenario, await NextAsync(subscription), held: 3);
        await stop.CancelAsync();
        await running;
    }

    private static async Task<Hold> ReserveAsync(BookingScenario scenario, AvailabilityRelay relay, int buyer, params int[] seats)
    {
        await using var db = scenario.Database.CreateContext();
        return await new ReserveSeats(db, scenario.Store, relay, scenario.Clock, scenario.Options).ExecuteAsync(buyer, scenario.EventId, seats, CancellationToken.None);
    }

    private static async Task<SeatAvailabilityMessage> NextAsync(IBusSubscription<SeatAvailabilityMessage> subscription)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await subscription.Messages.ReadAsync(patience.Token);
    }

    private static async Task AssertCountsMatchDatabaseAsync(BookingScenario scenario, SeatAvailabilityMessage message, int held)
    {
        await using var db = scenario.Database.CreateContext();
        var full = (await SeatCounting.ByEventAsync(db, [scenario.EventId], DateTime.UtcNow, CancellationToken.None))[scenario.EventId];
        Assert.Equal(full, message.Counts);
        Assert.Equal((16, held, 16 - held), (message.Counts.Total, message.Counts.Held, message.Counts.Available));
    }

    private sealed class Contexts(TestDatabase database) : IDbContextFactory<TicketMasterDbContext>
    {
        public TicketMasterDbContext CreateDbContext() => database.CreateContext();
    }
}
