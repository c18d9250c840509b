using TicketMaster.Live;
using TicketMaster.Outbox;

namespace TicketMaster.Booking;

/// <summary>
/// Where availability changes go after their transaction commits (live seat maps subscribe to
/// them). <paramref name="Version"/> is the change's outbox id: it only grows, per event too,
/// and the outbox row is durable, so a consumer that misses a message can catch up from there.
/// Subscribers see a per-event version instead, assigned by <see cref="IAvailabilityBus"/>.
/// </summary>
public interface IAvailabilityPublisher
{
    ValueTask PublishAsync(AvailabilityChange change, CancellationToken cancellationToken);

    /// <summary>
    /// A change of a hold that moved no seats (its payment refunded), for its owner's live feed only.
    /// Best effort like the feed itself: the refund is recorded either way and shows in <c>myOrders</c>.
    /// </summary>
    ValueTask PublishHoldAsync(HoldChange change, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <param name="Hold">The hold the change belongs to, as committed, for its owner's live feed.</param>
/// <param name="SectionIds">The sections of the changed seats, so counts need only recount those.</param>
public sealed record AvailabilityChange(long Version, SeatsChanged Change, HoldChange Hold, IReadOnlyList<int> SectionIds);

/// <summary>Where nothing subscribes (tests of the use cases alone), changes are only in the outbox.</summary>
public sealed class OutboxOnlyAvailabilityPublisher : IAvailabilityPublisher
{
    public ValueTask PublishAsync(AvailabilityChange change, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
