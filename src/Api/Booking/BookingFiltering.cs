using TicketMaster.Booking;
using TicketMaster.GraphQL.Filtering;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Orders;

namespace TicketMaster.Api.Booking;

public sealed class ReservationFilterInputType : FilterInputType<Hold>
{
    public ReservationFilterInputType()
        : base("ReservationFilterInput", "reservations")
    {
        Comparable<DateTimeOperationFilterInputType>("expiresAt", (Hold h) => h.ExpiresAt, "Reservations by when they run out (UTC).");
        Comparable<DateTimeOperationFilterInputType>("createdAt", (Hold h) => h.CreatedAt, "Reservations by when the seats were reserved (UTC).");
    }
}

public sealed class ReservationSortInputType : SortInputType<Hold>
{
    public ReservationSortInputType()
        : base("ReservationSortInput", "reservations")
    {
        Field("expiresAt", (Hold h) => h.ExpiresAt, "By when they run out: ASC is soonest first.");
        Field("createdAt", (Hold h) => h.CreatedAt, "By when the seats were reserved.");
    }
}

public sealed class OrderFilterInputType : FilterInputType<Order>
{
    public OrderFilterInputType()
        : base("OrderFilterInput", "orders")
    {
        Enum<OrderStatusType>("status", (Order o) => o.Status, "Orders by status, e.g. `{ eq: PAID }`.");
        Comparable<DateTimeOperationFilterInputType>("createdAt", (Order o) => o.CreatedAt, "Orders by when they were paid for (UTC).");
    }
}

public sealed class OrderSortInputType : SortInputType<Order>
{
    public OrderSortInputType()
        : base("OrderSortInput", "orders")
    {
        Field("createdAt", (Order o) => o.CreatedAt, "By when they were paid for: DESC is newest first.");
    }
}
