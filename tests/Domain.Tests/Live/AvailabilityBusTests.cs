using TicketMaster.Booking;
using TicketMaster.Live;

namespace TicketMaster.Domain.Tests.Live;

public sealed class AvailabilityBusTests
{
    private static SeatAvailabilityMessage Change(int eventId, long changeId) =>
        new(eventId, 0, changeId, [1], SeatStatus.Held, SeatCounts.None);

    [Fact]
    public async Task Each_event_gets_its_own_consecutive_versions_in_publish_order()
    {
        var bus = new InMemoryAvailabilityBus(new AvailabilityOptions());
        await using var first = await bus.SubscribeToEventAsync(1, CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            await bus.PublishAsync(Change(1, 10 + i), CancellationToken.None);
            await bus.PublishAsync(Change(2, 20 + i), CancellationToken.None);
        }

        var received = new List<SeatAvailabilityMessage>();
        while (first.Messages.TryRead(out var message))
        {
            received.Add(message);
        }

        Assert.Equal([1, 2, 3, 4, 5], received.Select(m => m.Version));
        Assert.Equal([10, 11, 12, 13, 14], received.Select(m => m.ChangeId!.Value));
        Assert.Equal(5, await bus.CurrentVersionAsync(2, CancellationToken.None));
    }

    [Fact]
    public async Task A_subscriber_that_never_reads_keeps_only_the_newest_messages_and_slows_nobody()
    {
        var bus = new InMemoryAvailabilityBus(new AvailabilityOptions { SubscriberBuffer = 4 });
        await using var stuck = await bus.SubscribeToEventAsync(7, CancellationToken.None);
        await using var reader = await bus.SubscribeToEventAsync(7, CancellationToken.None);
        var readerGot = new List<long>();

        for (var i = 1; i <= 100; i++)
        {
            var publish = bus.PublishAsync(Change(7, i), CancellationToken.None);
            Assert.True(publish.IsCompleted, "publishing waited for a subscriber");
            await publish;
            while (reader.Messages.TryRead(out var message))
            {
                readerGot.Add(message.Version);
            }
        }

        var stuckGot = new List<long>();
        while (stuck.Messages.TryRead(out var message))
        {
            stuckGot.Add(message.Version);
        }

        Assert.Equal(Enumerable.Range(1, 100).Select(v => (long)v), readerGot);
        Assert.Equal([97, 98, 99, 100], stuckGot); // the gap from 0 to 97 tells its client to refetch
    }

    [Fact]
    public async Task An_unsubscribed_buffer_gets_nothing_more()
    {
        var bus = new InMemoryAvailabilityBus(new AvailabilityOptions());
        var subscription = await bus.SubscribeToUserAsync(3, CancellationToken.None);

        await subscription.DisposeAsync();
        await bus.PublishAsync(new HoldChange(Guid.NewGuid(), 3, 1, HoldStatus.Active, DateTime.UtcNow, 1), CancellationToken.None);

        Assert.False(subscription.Messages.TryRead(out _));
        Assert.True(subscription.Messages.Completion.IsCompleted);
    }
}
