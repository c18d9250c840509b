using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.WaitingRoom;

[Description("This event's sale runs through a waiting room: join it (`joinWaitingRoom`), wait until your ticket is ADMITTED, then reserve with its `admissionPass`. Also returned for a pass that belongs to another account or event.")]
public sealed class WaitingRoomPassRequiredException(int eventId)
    : DomainException("This sale runs through a waiting room: join the queue and reserve with the pass you get when admitted.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;
}

[Description("Your admission pass has run out (or you left the queue); join the waiting room again for a new place.")]
public sealed class WaitingRoomPassExpiredException(int eventId)
    : DomainException("Your admission pass has expired; join the waiting room again.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;
}

[Description("This event has no waiting room turned on; reserve directly.")]
public sealed class NoWaitingRoomException(int eventId)
    : DomainException("This event has no waiting room; reserve directly.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;
}

[Description("The waiting room opens at `opensAt`; join then.")]
public sealed class WaitingRoomNotOpenException(int eventId, DateTime opensAt)
    : DomainException("The waiting room is not open yet.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;

    [Description("When the queue opens.")]
    public DateTime OpensAt { get; } = opensAt;
}

[Description("The waiting room settings cannot work as given; the message says which one to change.")]
public sealed class InvalidWaitingRoomSettingsException(string message) : DomainException(message);

[Description("There is no such queue ticket, or it is not yours.")]
public sealed class QueueTicketNotFoundException(Guid ticketId)
    : DomainException("There is no such queue ticket.")
{
    [Description("The queue ticket asked for.")]
    public Guid QueueTicketId { get; } = ticketId;
}
