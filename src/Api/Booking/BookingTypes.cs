using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Orders;

namespace TicketMaster.Api.Booking;

public sealed class MoneyType : ObjectGraphType<Money>
{
    public MoneyType()
    {
        Name = "Money";
        Field(m => m.Amount);
        Field(m => m.Currency).Description("ISO 4217 currency code.");
    }
}

public sealed class ReservationStatusType : EnumerationGraphType<HoldStatus>
{
    public ReservationStatusType()
    {
        Name = "ReservationStatus";
    }
}

public sealed class ReservationType : ObjectGraphType<Hold>
{
    public const string TypeName = "Reservation";

    public ReservationType()
    {
        Name = TypeName;
        Description = "Seats held for you until `expiresAt`; confirm it to buy them.";
        this.ImplementsNode(TypeName, x => x.Id);
        Field<NonNullGraphType<EventType>>("event").Resolve(ctx => ctx.Loaders<EventDataLoaders>().EventById.Load(ctx.Source.EventId));
        Field<NonNullGraphType<ReservationStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventSeatType>>>>("seats").Description("The seats held, as they are now.")
            .Resolve(ctx => ctx.Loaders<BookingDataLoaders>().SeatsByHold.Load(ctx.Source.Id).Then(s => s ?? []));
        Field<NonNullGraphType<MoneyType>>("total").Description("What confirming will charge: the seats' prices when they were held.")
            .Resolve(ctx => ctx.Source.Total);
    }
}

public sealed class OrderStatusType : EnumerationGraphType<OrderStatus>
{
    public OrderStatusType()
    {
        Name = "OrderStatus";
    }
}

public sealed class OrderType : ObjectGraphType<Order>
{
    public const string TypeName = "Order";

    public OrderType()
    {
        Name = TypeName;
        Description = "A confirmed purchase.";
        this.ImplementsNode(TypeName, x => x.Id);
        Field<NonNullGraphType<EventType>>("event").Resolve(ctx => ctx.Loaders<EventDataLoaders>().EventById.Load(ctx.Source.EventId));
        Field<NonNullGraphType<OrderStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<MoneyType>>("total").Resolve(ctx => ctx.Source.Total);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TicketType>>>>("tickets")
            // An order just confirmed carries its tickets; one read from the database (an order always
            // has tickets) has none loaded, and they come in one batch for all orders on the page.
            .Resolve(ctx => ctx.Source.Tickets.Count > 0
                ? ctx.Source.Tickets
                : ctx.Loaders<BookingDataLoaders>().TicketsByOrder.Load(ctx.Source.Id));
    }
}

public sealed class TicketStatusType : EnumerationGraphType<TicketStatus>
{
    public TicketStatusType()
    {
        Name = "TicketStatus";
    }
}

public sealed class TicketType : ObjectGraphType<Ticket>
{
    public TicketType()
    {
        Name = "Ticket";
        Description = "The right to one seat at one event.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("Ticket", ctx.Source.Id));
        Field<NonNullGraphType<EventSeatType>>("seat")
            .Resolve(ctx => ctx.Loaders<BookingDataLoaders>().PlaceOfSeat.Load(ctx.Source.SeatId).Then(place => place!.As(SeatStatus.Sold, ctx.Source.Price.Amount)));
        Field<NonNullGraphType<MoneyType>>("price").Description("The price paid.").Resolve(ctx => ctx.Source.Price);
        Field<NonNullGraphType<TicketStatusType>>("status").Resolve(ctx => ctx.Source.Status);
    }
}
