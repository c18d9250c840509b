using GraphQL.Types;
using TicketMaster.Api.GraphQL.Mutations;
using TicketMaster.Booking;
using TicketMaster.Orders;

namespace TicketMaster.Api.Booking;

public sealed class ReserveSeatsInputType : InputObjectGraphType
{
    public ReserveSeatsInputType()
    {
        Name = "ReserveSeatsInput";
        Field<NonNullGraphType<IdGraphType>>("eventId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("seatIds").Description("Seat ids from Event.seats.");
    }
}

public sealed class ReserveBestAvailableInputType : InputObjectGraphType
{
    public ReserveBestAvailableInputType()
    {
        Name = "ReserveBestAvailableInput";
        Field<NonNullGraphType<IdGraphType>>("eventId");
        Field<NonNullGraphType<IntGraphType>>("quantity");
        Field<IdGraphType>("sectionId").Description("Only seats in this section.");
        Field<DecimalGraphType>("maxPrice").Description("Only seats at this price or less.");
    }
}

public sealed class ConfirmReservationInputType : InputObjectGraphType
{
    public ConfirmReservationInputType()
    {
        Name = "ConfirmReservationInput";
        Field<NonNullGraphType<IdGraphType>>("reservationId");
        Field<NonNullGraphType<StringGraphType>>("paymentToken").Description("From the payment form; the simulated gateway takes tok_visa, tok_chargeDeclined, tok_timeout.");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("A fresh key per purchase attempt; retrying with the same key never charges twice.");
    }
}

public sealed class ReleaseReservationInputType : InputObjectGraphType
{
    public ReleaseReservationInputType()
    {
        Name = "ReleaseReservationInput";
        Field<NonNullGraphType<IdGraphType>>("reservationId");
    }
}

public sealed class ReservationPayloadType<TErrors> : ObjectGraphType<Payload<Hold>>
    where TErrors : UnionGraphType
{
    public ReservationPayloadType()
    {
        Name = typeof(TErrors).Name.Replace("ErrorType", "Payload", StringComparison.Ordinal);
        Field<ReservationType>("reservation").Resolve(ctx => ctx.Source.Result);
        Field<ListGraphType<NonNullGraphType<TErrors>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class ConfirmReservationPayloadType : ObjectGraphType<Payload<Order>>
{
    public ConfirmReservationPayloadType()
    {
        Name = "ConfirmReservationPayload";
        Field<OrderType>("order").Resolve(ctx => ctx.Source.Result);
        Field<ListGraphType<NonNullGraphType<ConfirmReservationErrorType>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}
