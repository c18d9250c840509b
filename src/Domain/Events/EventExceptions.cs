using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.Events;

[Description("There is no such event, or it is a draft you cannot see.")]
public sealed class EventNotFoundException(int eventId)
    : DomainException("There is no such event.")
{
    [Description("The event id that was asked for.")]
    public int EventId { get; } = eventId;
}

[Description("The event cannot move from `from` to `to`: a draft goes on sale, an event on sale sells out or is cancelled, and so on.")]
public sealed class InvalidEventStatusTransitionException(int eventId, EventStatus from, EventStatus to)
    : DomainException($"The event is {from}; it cannot become {to}.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;

    [Description("Where the event is now.")]
    public EventStatus From { get; } = from;

    [Description("Where it was asked to go.")]
    public EventStatus To { get; } = to;
}
public sealed class MissingSectionPriceException(IReadOnlyCollection<string> sectionNames)
    : DomainException($"Every section needs a price; missing: {string.Join(", ", sectionNames)}.")
{
    public IReadOnlyCollection<string> SectionNames { get; } = sectionNames;
}

public sealed class EventNotEditableException(int eventId, EventStatus status)
    : DomainException($"The event is {status}; prices can only change while it is a draft.")
{
    public int EventId { get; } = eventId;

    public EventStatus Status { get; } = status;
}

[Description("The event starts in the past (`startsAt`), so it cannot go on sale; reschedule it first.")]
public sealed class EventInThePastException(DateTime startsAt)
    : DomainException($"The event starts at {startsAt:u}, which has passed; only a future event can go on sale.")
{
    [Description("When the event starts.")]
    public DateTime StartsAt { get; } = startsAt;
}

public sealed class EventNotStartedException(int eventId)
    : DomainException("The event has not started yet, so it cannot be completed.")
{
    public int EventId { get; } = eventId;
}
