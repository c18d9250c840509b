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
[Description("Every section of the venue's seat map needs a price; `sectionNames` lists those without one.")]
public sealed class MissingSectionPriceException(IReadOnlyCollection<string> sectionNames)
    : DomainException($"Every section needs a price; missing: {string.Join(", ", sectionNames)}.")
{
    [Description("The sections without a price.")]
    public IReadOnlyCollection<string> SectionNames { get; } = sectionNames;
}

[Description("The event is past changing this `field`: a published event changes only its name, description, line-up, times and prices; a cancelled or completed one nothing.")]
public sealed class EventNotEditableException(int eventId, EventStatus status, string field)
    : DomainException($"The event is {status}; its {field} cannot change now.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;

    [Description("Where the event is now.")]
    public EventStatus Status { get; } = status;

    [Description("The input field that cannot change, or `event` when nothing can.")]
    public string Field { get; } = field;
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
