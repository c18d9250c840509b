using System.Collections.Concurrent;

namespace TicketMaster.Live;

/// <summary>
/// The bus inside one process (the embedded default): versions are per-event counters, taken and
/// delivered under the event's lock so subscribers receive them in order; they start again at 1
/// when the process restarts, which clients treat like any other gap.
/// </summary>
public sealed class InMemoryAvailabilityBus(AvailabilityOptions options) : IAvailabilityBus
{
    private readonly ConcurrentDictionary<int, EventSequence> _versions = new();
    private readonly LocalFanout<int, SeatAvailabilityMessage> _events = new(options.SubscriberBuffer);
    private readonly LocalFanout<int, HoldChange> _users = new(options.SubscriberBuffer);

    public ValueTask<SeatAvailabilityMessage> PublishAsync(SeatAvailabilityMessage message, CancellationToken cancellationToken)
    {
        var sequence = _versions.GetOrAdd(message.EventId, _ => new EventSequence());
        SeatAvailabilityMessage versioned;
        lock (sequence)
        {
            versioned = message with { Version = ++sequence.Last };
            _events.Deliver(message.EventId, versioned);
        }

        return ValueTask.FromResult(versioned);
    }

    public ValueTask PublishAsync(HoldChange change, CancellationToken cancellationToken)
    {
        _users.Deliver(change.UserId, change);
        return ValueTask.CompletedTask;
    }

    public ValueTask<long> CurrentVersionAsync(int eventId, CancellationToken cancellationToken)
    {
        if (!_versions.TryGetValue(eventId, out var sequence))
        {
            return ValueTask.FromResult(0L);
        }

        lock (sequence)
        {
            return ValueTask.FromResult(sequence.Last);
        }
    }

    public ValueTask<IBusSubscription<SeatAvailabilityMessage>> SubscribeToEventAsync(int eventId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_events.Subscribe(eventId));

    public ValueTask<IBusSubscription<HoldChange>> SubscribeToUserAsync(int userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_users.Subscribe(userId));

    private sealed class EventSequence
    {
        public long Last;
    }
}
