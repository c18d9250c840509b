using TicketMaster.Common;

namespace TicketMaster.Orders;

/// <summary>The right to one seat at one event, at the price paid.</summary>
public sealed class Ticket
{
    private Ticket()
    {
    }

    internal Ticket(Guid orderId, int eventId, int seatId, Money price, DateTime now)
    {
        Id = Guid.CreateVersion7(now);
        OrderId = orderId;
        EventId = eventId;
        SeatId = seatId;
        Price = price;
        Status = TicketStatus.Valid;
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public int EventId { get; private set; }

    public int SeatId { get; private set; }

    public Money Price { get; private set; }

    public TicketStatus Status { get; private set; }

    public void Refund() => MoveTo(TicketStatus.Refunded);

    public void Cancel() => MoveTo(TicketStatus.Cancelled);

    private void MoveTo(TicketStatus to)
    {
        if (Status != TicketStatus.Valid)
        {
            throw new TicketNotValidException(Id, Status);
        }

        Status = to;
    }
}

public enum TicketStatus
{
    Valid,
    Refunded,
    Cancelled,
}

public sealed class TicketNotValidException(Guid ticketId, TicketStatus status)
    : DomainException($"Ticket {ticketId} is already {status}.");
