using System.Globalization;
using System.Text.Json;
using TicketMaster.Common;

namespace TicketMaster.Outbox;

/// <summary>
/// A fact written in the same transaction as the change it describes; the indexer and
/// notifications read these in id order, so nothing committed is ever missed.
/// </summary>
public sealed class OutboxMessage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private OutboxMessage()
    {
    }

    public long Id { get; private set; }

    public string Type { get; private set; } = "";

    public string AggregateId { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static OutboxMessage Create<TPayload>(string type, string aggregateId, TPayload payload, DateTime now) => new()
    {
        Type = type,
        AggregateId = aggregateId,
        Payload = JsonSerializer.Serialize(payload, Json),
        CreatedAt = now,
    };

    /// <summary>The row for a recorded event; the payload is the event record itself, as its own type serializes.</summary>
    internal static OutboxMessage From(IDomainEvent recorded, DateTime now) => new()
    {
        Type = recorded.Type,
        AggregateId = recorded.AggregateId,
        Payload = JsonSerializer.Serialize(recorded, recorded.GetType(), Json),
        CreatedAt = now,
    };

    /// <summary>For a writer that inserts the row itself and reads back its generated id.</summary>
    internal void Written(long id) => Id = id;

    public TPayload ReadPayload<TPayload>() =>
        JsonSerializer.Deserialize<TPayload>(Payload, Json) ?? throw new InvalidOperationException($"Outbox message {Id} has an empty payload.");
}

/// <summary>The message types written today; consumers ignore types they do not know.</summary>
public static class OutboxMessageTypes
{
    /// <summary>A new event (a draft until it is put on sale); payload <see cref="Outbox.EventScheduled"/>.</summary>
    public const string EventScheduled = "EventScheduled";

    /// <summary>An event changed status; payload <see cref="Events.EventStatusChanged"/>.</summary>
    public const string EventStatusChanged = "EventStatusChanged";

    /// <summary>A section price of an event changed; payload <see cref="Events.EventSectionPriceChanged"/>.</summary>
    public const string EventSectionPriceChanged = "EventSectionPriceChanged";

    /// <summary>What an event's listing shows changed (its name, description, category, line-up, a performer on it, its venue); payload <see cref="Events.EventListingChanged"/>.</summary>
    public const string EventListingChanged = "EventListingChanged";

    /// <summary>An event moved to another start time; payload <see cref="Events.EventRescheduled"/>.</summary>
    public const string EventRescheduled = "EventRescheduled";

    /// <summary>Seats of an event changed status (held, released, sold); payload <see cref="SeatsChanged"/>.</summary>
    public const string SeatsChanged = "SeatsChanged";
}

public sealed record EventScheduled(int EventId, int VenueId, string Name, DateTime StartsAt) : IDomainEvent
{
    string IDomainEvent.Type => OutboxMessageTypes.EventScheduled;

    string IDomainEvent.AggregateId => EventId.ToString(CultureInfo.InvariantCulture);
}

/// <param name="Status">The seats' new status as a buyer sees it.</param>
public sealed record SeatsChanged(int EventId, IReadOnlyList<int> SeatIds, Booking.SeatStatus Status, Guid HoldId);
