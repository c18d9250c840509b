using System.Threading.Channels;

namespace TicketMaster.Live;

/// <summary>
/// The pub/sub port behind live availability: one channel per event (seat changes) and one per user
/// (their holds). Adapters (in Infrastructure): <c>InMemoryAvailabilityBus</c> (one process, the embedded default)
/// and a Redis adapter for several Api instances. Publishing never waits for subscribers: each
/// subscription has its own bounded buffer that drops its oldest message when full, and the
/// version gap tells that subscriber's client to refetch.
/// </summary>
public interface IAvailabilityBus
{
    /// <summary>
    /// Assigns the event's next version (one more than the last, in publish order, across every
    /// instance sharing the bus) and delivers the message to every subscriber of the event.
    /// </summary>
    /// <returns>The message as delivered, with its version; version 0 when the bus could not take it
    /// (Redis unreachable): it is dropped, never retried, and the event's next message skips a version.</returns>
    ValueTask<SeatAvailabilityMessage> PublishAsync(SeatAvailabilityMessage message, CancellationToken cancellationToken);

    /// <summary>Delivers a hold's change to its owner's subscribers.</summary>
    ValueTask PublishAsync(HoldChange change, CancellationToken cancellationToken);

    /// <summary>The last version assigned for the event, 0 when none was.</summary>
    /// <exception cref="LiveUpdatesUnavailableException">The bus cannot reach its transport.</exception>
    ValueTask<long> CurrentVersionAsync(int eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Subscribes to one event's changes. Once the returned task completes, every message published
    /// later is delivered (unless dropped for a full buffer), in version order.
    /// </summary>
    /// <exception cref="LiveUpdatesUnavailableException">The bus cannot reach its transport.</exception>
    ValueTask<IBusSubscription<SeatAvailabilityMessage>> SubscribeToEventAsync(int eventId, CancellationToken cancellationToken);

    /// <summary>Subscribes to the changes of one user's holds, with the same guarantees.</summary>
    /// <exception cref="LiveUpdatesUnavailableException">The bus cannot reach its transport.</exception>
    ValueTask<IBusSubscription<HoldChange>> SubscribeToUserAsync(int userId, CancellationToken cancellationToken);
}

/// <summary>One subscriber's buffer; disposing it unsubscribes.</summary>
public interface IBusSubscription<T> : IAsyncDisposable
{
    ChannelReader<T> Messages { get; }
}

/// <summary>
/// A bus that cannot reach its transport (Redis) right now: the subscriber should subscribe again
/// shortly. Bookings never see it; publishing drops the message instead (the version gap tells clients).
/// </summary>
public sealed class LiveUpdatesUnavailableException(Exception? innerException = null)
    : Exception("Live updates are unavailable right now; subscribe again shortly.", innerException);
