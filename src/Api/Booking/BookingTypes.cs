using TicketMaster.GraphQL.Caching;
using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.Api.Tickets;
using TicketMaster.GraphQL;
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
        Description = "An amount in one currency.";
        Field(m => m.Amount).Description("In the currency's major unit (49.5 is €49.50, not 49.5 cents); format it with `currency`.");
        Field(m => m.Currency).Description("ISO 4217 currency code.");
    }
}

/// <remarks>Values named for what the client sees, not the CLR names: a running hold is HELD (as in <c>ReservationChangeKind</c>).</remarks>
public sealed class ReservationStatusType : EnumerationGraphType
{
    public ReservationStatusType()
    {
        Name = "ReservationStatus";
        Description = "Where a reservation is in its life: HELD, then exactly one of CONFIRMED, RELEASED or EXPIRED.";
        Add("HELD", HoldStatus.Active, "Holding its seats until `expiresAt`; confirm it to buy them. Past `expiresAt` it can read HELD until the server's next sweep (every 30 seconds by default) turns it EXPIRED: trust `expiresAt`.");
        Add("CONFIRMED", HoldStatus.Confirmed, "Paid for: it became an order (see `myOrders`).");
        Add("RELEASED", HoldStatus.Released, "Given back by its owner with `releaseReservation`; its seats are free again.");
        Add("EXPIRED", HoldStatus.Expired, "Ran out before it was confirmed; its seats are free again.");
    }
}

public sealed class ReservationType : ObjectGraphType<Hold>
{
    public const string TypeName = "Reservation";

    public ReservationType()
    {
        this.CacheControl(scope: CacheControlScope.Private);
        Name = TypeName;
        Description = "Seats held for you until `expiresAt`; confirm it to buy them.";
        this.ImplementsNode(TypeName, x => x.Id);
        Field<NonNullGraphType<EventType>>("event").Description("The event the seats are for.").Resolve(ctx => ctx.Loaders<EventDataLoaders>().EventById.Load(ctx.Source.EventId));
        Field<NonNullGraphType<ReservationStatusType>>("status").Description("Whether it still holds its seats, and if not, why.").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the seats were reserved.").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("expiresAt").Description("When the hold runs out unless confirmed first: show a countdown to it; `onMyReservationChanged` warns a minute before.")
            .Resolve(ctx => ctx.Source.ExpiresAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventSeatType>>>>("seats").Description("The seats held, as they are now.")
            .Resolve(ctx => ctx.Loaders<BookingDataLoaders>().SeatsByHold.Load(ctx.Source.Id).Then(s => s ?? []));
        Field<NonNullGraphType<MoneyType>>("total").Description("What confirming will charge: the seats' prices when they were held.")
            .Resolve(ctx => ctx.Source.Total);
    }
}

/// <remarks>PAID rather than the CLR's Completed: a fresh order of a show months away is paid, not complete.</remarks>
public sealed class OrderStatusType : EnumerationGraphType
{
    public OrderStatusType()
    {
        Name = "OrderStatus";
        Description = "Where an order is in its life, derived from its tickets: PAID, then possibly PARTIALLY_REFUNDED, REFUNDED or CANCELLED.";
        Add("PAID", OrderStatus.Completed, "Paid; its tickets are valid (the show itself may still be to come).");
        Add("PARTIALLY_REFUNDED", OrderStatus.PartiallyRefunded, "Some tickets were refunded (see `refunds`); the others still admit their holders.");
        Add("REFUNDED", OrderStatus.Refunded, "The money was given back; its tickets are REFUNDED and no longer admit anyone.");
        Add("CANCELLED", OrderStatus.Cancelled, "Cancelled; its tickets no longer admit anyone.");
    }
}

public sealed class OrderType : ObjectGraphType<Order>
{
    public const string TypeName = "Order";

    public OrderType()
    {
        this.CacheControl(scope: CacheControlScope.Private);
        Name = TypeName;
        Description = "A confirmed purchase.";
        this.ImplementsNode(TypeName, x => x.Id);
        Field<NonNullGraphType<EventType>>("event").Description("The event the tickets are for.").Resolve(ctx => ctx.Loaders<EventDataLoaders>().EventById.Load(ctx.Source.EventId));
        Field<NonNullGraphType<OrderStatusType>>("status").Description("Whether the order stands, or was (partly) refunded or cancelled; derived from its tickets.")
            .Resolve(ctx => ctx.Source.Tickets.Count > 0
                ? Order.StatusOf(ctx.Source.Status, ctx.Source.Tickets)
                : ctx.Loaders<BookingDataLoaders>().TicketsByOrder.Load(ctx.Source.Id).Then(tickets => (object?)Order.StatusOf(ctx.Source.Status, tickets ?? [])));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderRefundType>>>>("refunds").Description("Money given back on this order, oldest first; empty when none.")
            .Resolve(ctx => ctx.Loaders<BookingDataLoaders>().RefundsByOrder.Load(ctx.Source.Id));
        Field<NonNullGraphType<MoneyType>>("total").Description("What was charged: the sum of the tickets' prices.").Resolve(ctx => ctx.Source.Total);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When it was paid for.").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TicketType>>>>("tickets").Description("One ticket per seat bought, in seat order (the same order every time the order is read).")
            // An order just confirmed carries its tickets; one read from the database (an order always
            // has tickets) has none loaded, and they come in one batch for all orders on the page.
            .Resolve(ctx => ctx.Source.Tickets.Count > 0
                ? ctx.Source.Tickets.OrderBy(t => t.SeatId).ToList()
                : ctx.Loaders<BookingDataLoaders>().TicketsByOrder.Load(ctx.Source.Id));
    }
}

public sealed class TicketStatusType : EnumerationGraphType<TicketStatus>
{
    public TicketStatusType()
    {
        Name = "TicketStatus";
        Description = "Whether a ticket admits its holder.";
        this.Describe("VALID", "Admits one person to its seat.");
        this.Describe("REFUNDED", "Its price was given back; it no longer admits anyone.");
        this.Describe("CANCELLED", "Withdrawn; it no longer admits anyone.");
    }
}

public sealed class TicketType : ObjectGraphType<Ticket>
{
    public const string TypeName = "Ticket";

    public TicketType()
    {
        this.CacheControl(scope: CacheControlScope.Private);
        Name = TypeName;
        Description = "The right to one seat at one event. `node(id:)` finds it for the buyer only.";
        this.ImplementsNode(TypeName, t => t.Id);
        Field<NonNullGraphType<EventSeatType>>("seat").Description("The seat the ticket is for, with `status` SOLD and `price` the price paid.")
            .Resolve(ctx => ctx.Loaders<BookingDataLoaders>().PlaceOfSeat.Load(ctx.Source.SeatId).Then(place => place!.As(SeatStatus.Sold, ctx.Source.Price)));
        Field<NonNullGraphType<MoneyType>>("price").Description("The price paid.").Resolve(ctx => ctx.Source.Price);
        Field<NonNullGraphType<TicketStatusType>>("status").Description("Whether the ticket admits its holder.").Resolve(ctx => ctx.Source.Status);
        this.AddTicketCodeFields();
    }
}

public sealed class OrderRefundType : ObjectGraphType<Refund>
{
    public OrderRefundType()
    {
        Name = "OrderRefund";
        Description = "Money given back on an order, as the payment processor confirmed it.";
        Field<NonNullGraphType<MoneyType>>("amount").Description("How much went back to the buyer's payment method.").Resolve(ctx => ctx.Source.Amount);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When the refund was made.").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, as the admin or organizer put it; show it to the buyer.").Resolve(ctx => ctx.Source.Reason);
    }
}
