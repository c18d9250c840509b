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
        order._tickets.AddRange(seats.OrderBy(seat => seat.SeatId).Select(seat => new Ticket(order.Id, seat.EventId, seat.SeatId, new Money(seat.Price, currency), now)));
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
}

public enum OrderStatus
{
    Completed,
    Refunded,
    Cancelled,
}

public sealed class OrderNotRefundableException(Guid orderId, OrderStatus status)
    : DomainException($"Order {orderId} is {status} and cannot be refunded.");
