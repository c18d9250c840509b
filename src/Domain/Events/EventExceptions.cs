using TicketMaster.Common;

namespace TicketMaster.Events;

public sealed class InvalidEventStatusTransitionException(int eventId, EventStatus from, EventStatus to)
    : DomainException($"Event {eventId} cannot go from {from} to {to}.")
{
    public EventStatus From { get; } = from;

    public EventStatus To { get; } = to;
}

public sealed class MissingSectionPriceException(IReadOnlyCollection<string> sectionNames)
    : DomainException($"Every section needs a price; missing: {string.Join(", ", sectionNames)}.")
{
    public IReadOnlyCollection<string> SectionNames { get; } = sectionNames;
}

public sealed class EventNotEditableException(int eventId, EventStatus status)
    : DomainException($"Event {eventId} is {status}; prices can only change while it is a draft.");

public sealed class EventInThePastException(DateTime startsAt)
    : DomainException($"An event must start in the future, not at {startsAt:O}.");

public sealed class EventNotStartedException(int eventId)
    : DomainException($"Event {eventId} has not started yet, so it cannot be completed.");
