using TicketMaster.Outbox;

namespace TicketMaster.Booking;

/// <summary>
/// Where availability changes go after their transaction commits (live seat maps subscribe to
/// them). <paramref name="Version"/> is the change's outbox id: it only grows, per event too,
/// and the outbox row is durable, so a consumer that misses a message can catch up from there.
/// </summary>
public interface IAvailabilityPublisher
{
    ValueTask PublishAsync(AvailabilityChange change, CancellationToken cancellationToken);
}

public sealed record AvailabilityChange(long Version, SeatsChanged Change);

/// <summary>Until subscriptions exist, changes are only in the outbox.</summary>
public sealed class OutboxOnlyAvailabilityPublisher : IAvailabilityPublisher
{
    public ValueTask PublishAsync(AvailabilityChange change, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
