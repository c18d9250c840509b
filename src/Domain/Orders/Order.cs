using TicketMaster.Booking;
using TicketMaster.Common;

namespace TicketMaster.Orders;

/// <summary>A confirmed purchase: the tickets a buyer paid for with one payment.</summary>
public sealed class Order
{
    private readonly List<Ticket> _tickets = [];

    private Order()
    {
    }

    public Guid Id { get; private set; }

    public int UserId { get; private set; }

    public int EventId { get; private set; }

    /// <summary>Unique: one hold becomes at most one order.</summary>
    public Guid HoldId { get; private set; }

    public Guid PaymentId { get; private set; }

    public Money Total { get; private set; }

    public OrderStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<Ticket> Tickets => _tickets;

    /// <summary>Turns a confirmed hold into an order with one valid ticket per held seat.</summary>
    public static Order FromHold(Hold hold, IReadOnlyCollection<EventSeat> seats, string currency, Guid paymentId, DateTime now)
    {
        if (hold.Status != HoldStatus.Confirmed)
        {
            throw new ReservationNotActiveException(hold.Id, hold.Status);
        }

        var order = new Order
        {
            Id = Guid.CreateVersion7(now),
            UserId = hold.UserId,
            EventId = hold.EventId,
            HoldId = hold.Id,
            PaymentId = paymentId,
            Status = OrderStatus.Completed,
            CreatedAt = now,
        };
        // Priced as held, not as the seat is priced now: the buyer pays what the hold showed (issue #14).
        var heldAt = hold.Seats.Where(s => s.Price is not null).ToDictionary(s => s.SeatId, s => s.Price!.Value);
        order._tickets.AddRange(seats.OrderBy(seat => seat.SeatId).Select(seat =>
            new Ticket(order.Id, seat.EventId, seat.SeatId, new Money(heldAt.GetValueOrDefault(seat.SeatId, seat.Price), currency), now)));
        order.Total = order._tickets.Aggregate(Money.Zero(currency), (sum, ticket) => sum + ticket.Price);
        return order;
    }

    public static Money TotalOf(IEnumerable<EventSeat> seats, string currency) =>
        seats.Aggregate(Money.Zero(currency), (sum, seat) => sum + new Money(seat.Price, currency));

    public void Refund()
    {
        if (Status != OrderStatus.Completed)
        {
            throw new OrderNotRefundableException(Id, Status);
        }

        foreach (var ticket in _tickets)
        {
            ticket.Refund();
        }

        Status = OrderStatus.Refunded;
    }

    /// <summary>
    /// Voids these valid tickets (their price goes back to the buyer) and returns what they cost; the
    /// order is Refunded once none is valid. Tickets already refunded are skipped, so a retry is a no-op.
    /// </summary>
    public (IReadOnlyList<Ticket> Refunded, Money Amount) RefundTickets(IReadOnlyCollection<Guid> ticketIds)
    {
        if (Status == OrderStatus.Cancelled)
        {
            throw new OrderNotRefundableException(Id, Status);
        }

        var unknown = ticketIds.Except(_tickets.Select(t => t.Id)).ToList();
        if (unknown.Count > 0)
        {
            throw new TicketsNotInOrderException(Id, unknown);
        }

        var refunded = _tickets.Where(t => ticketIds.Contains(t.Id) && t.Status == TicketStatus.Valid).ToList();
        refunded.ForEach(t => t.Refund());
        if (_tickets.All(t => t.Status != TicketStatus.Valid))
        {
            Status = OrderStatus.Refunded;
        }

        return (refunded, refunded.Aggregate(Money.Zero(Total.Currency), (sum, t) => sum + t.Price));
    }

    /// <summary>
    /// The status a buyer sees, derived from the tickets rather than stored: refunded when none is
    /// valid any more, partly refunded when some were refunded, else as stored.
    /// </summary>
    public static OrderStatus StatusOf(OrderStatus stored, IReadOnlyCollection<Ticket> tickets) => stored switch
    {
        OrderStatus.Cancelled => stored,
        _ when tickets.Count > 0 && tickets.All(t => t.Status == TicketStatus.Refunded) => OrderStatus.Refunded,
        _ when tickets.Any(t => t.Status == TicketStatus.Refunded) => OrderStatus.PartiallyRefunded,
        _ => stored,
    };
}

public enum OrderStatus
{
    Completed,
    Refunded,
    Cancelled,

    /// <summary>Derived only (<see cref="Order.StatusOf"/>), never stored: some tickets were refunded.</summary>
    PartiallyRefunded,
}

[System.ComponentModel.Description("The order was cancelled, so there is nothing left to refund.")]
public sealed class OrderNotRefundableException(Guid orderId, OrderStatus status)
    : DomainException($"This order is {status.ToString().ToLowerInvariant()} and cannot be refunded.")
{
    [System.ComponentModel.Description("The order.")]
    public Guid OrderId { get; } = orderId;
}

[System.ComponentModel.Description("Some ticket ids are not tickets of this order; `ticketIds` says which. Nothing was refunded.")]
public sealed class TicketsNotInOrderException(Guid orderId, IReadOnlyCollection<Guid> ticketIds)
    : DomainException($"{ticketIds.Count} of the tickets {(ticketIds.Count == 1 ? "is" : "are")} not part of this order; nothing was refunded.")
{
    [System.ComponentModel.Description("The order.")]
    public Guid OrderId { get; } = orderId;

    [System.ComponentModel.Description("The ticket ids that are not this order's.")]
    public IReadOnlyCollection<Guid> TicketIds { get; } = ticketIds;
}

[System.ComponentModel.Description("There is no such order.")]
public sealed class OrderNotFoundException(Guid orderId)
    : DomainException("There is no such order.")
{
    [System.ComponentModel.Description("The order id that was asked for.")]
    public Guid OrderId { get; } = orderId;
}

[System.ComponentModel.Description("The payment processor refused the refund (`reason`); nothing changed. Fix the cause with the processor, then retry.")]
public sealed class RefundFailedException(string reason)
    : DomainException($"The payment processor refused the refund: {reason}")
{
    [System.ComponentModel.Description("The processor's reason.")]
    public string Reason { get; } = reason;
}
