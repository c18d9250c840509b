using System.Globalization;
using TicketMaster.Common;
using TicketMaster.Outbox;

namespace TicketMaster.Events;

/// <summary>An event moved from one status to another (on sale, sold out, cancelled, completed...).</summary>
public sealed record EventStatusChanged(int EventId, EventStatus From, EventStatus To) : IDomainEvent
{
    string IDomainEvent.Type => OutboxMessageTypes.EventStatusChanged;

    string IDomainEvent.AggregateId => EventId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The price of one section of an event changed.</summary>
public sealed record EventSectionPriceChanged(int EventId, int SectionId, decimal Price) : IDomainEvent
{
    string IDomainEvent.Type => OutboxMessageTypes.EventSectionPriceChanged;

    string IDomainEvent.AggregateId => EventId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What an event's listing shows changed (name, description, category, line-up or a performer on it): search reindexes it.</summary>
public sealed record EventListingChanged(int EventId) : IDomainEvent
{
    string IDomainEvent.Type => OutboxMessageTypes.EventListingChanged;

    string IDomainEvent.AggregateId => EventId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The event moved to another start time; <c>WasPublished</c> says whether buyers had seen the old one.</summary>
public sealed record EventRescheduled(int EventId, DateTime From, DateTime To, bool WasPublished) : IDomainEvent
{
    string IDomainEvent.Type => OutboxMessageTypes.EventRescheduled;

    string IDomainEvent.AggregateId => EventId.ToString(CultureInfo.InvariantCulture);
}
