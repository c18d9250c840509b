using System.ComponentModel;
using TicketMaster.Common;
using TicketMaster.Orders;

namespace TicketMaster.Tickets;

[Description("The code is not a ticket this server issued: forged, altered, mistyped or from another system. Refuse entry.")]
public sealed class TicketCodeInvalidException()
    : DomainException("This is not a valid ticket code.");

[Description("The ticket is genuine but for another event (`eventId`). Refuse entry and send the holder to the right door or date.")]
public sealed class TicketForAnotherEventException(int eventId)
    : DomainException("This ticket is for another event.")
{
    [Description("The event the ticket is for.")]
    public int EventId { get; } = eventId;
}

[Description("The ticket no longer admits anyone: `status` says whether it was refunded or cancelled. Refuse entry.")]
public sealed class TicketNotAdmittingException(TicketStatus status)
    : DomainException($"This ticket is {status.ToString().ToLowerInvariant()} and admits no one.")
{
    [Description("What became of the ticket.")]
    public TicketStatus Status { get; } = status;
}

[Description("The ticket was already used: `checkedInAt` and `gate` say when and where. Refuse entry; the first scan admitted someone.")]
public sealed class AlreadyCheckedInException(DateTime checkedInAt, string gate)
    : DomainException($"This ticket was already checked in at {checkedInAt:u} at gate {gate}.")
{
    [Description("When the first scan admitted the ticket (UTC).")]
    public DateTime CheckedInAt { get; } = checkedInAt;

    [Description("The gate of the first scan.")]
    public string Gate { get; } = gate;
}
