namespace TicketMaster.Common;

/// <summary>
/// A fact an entity records when it changes something search, live subscribers or notifications
/// must see. Persistence writes it as an outbox row in the same transaction as the change
/// (<c>TicketMasterDbContext.SaveChangesAsync</c>, the bulk loader, the booking batch), so no
/// caller can change the entity and forget the row.
/// </summary>
/// <remarks>
/// Implemented explicitly by the event records, so neither member lands in the row's JSON payload.
/// </remarks>
public interface IDomainEvent
{
    /// <summary>The outbox row's type; consumers ignore types they do not know.</summary>
    string Type { get; }

    /// <summary>What the row is about: for everything search reads, the event's id.</summary>
    string AggregateId { get; }
}

/// <summary>An entity that records <see cref="IDomainEvent"/>s for persistence to write.</summary>
public interface IHasDomainEvents
{
    bool HasDomainEvents { get; }

    /// <summary>The events recorded since the last write, in order; reading does not clear them.</summary>
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    /// <summary>Called once the events' outbox rows are written.</summary>
    void ClearDomainEvents();
}

/// <summary>Base of the entities that record domain events.</summary>
public abstract class Entity : IHasDomainEvents
{
    private List<Func<IDomainEvent>>? _recorded;

    public bool HasDomainEvents => _recorded is { Count: > 0 };

    public IReadOnlyList<IDomainEvent> DomainEvents => _recorded?.Select(build => build()).ToList() ?? [];

    public void ClearDomainEvents() => _recorded = null;

    /// <summary>
    /// Records an event, built when it is written rather than now: a new entity's database-generated
    /// key (an event's id) is only known once the entity is inserted, and its event must carry it.
    /// Capture any value that may change later in a local; read only keys from the entity.
    /// </summary>
    protected void Record(Func<IDomainEvent> @event) => (_recorded ??= []).Add(@event);
}
