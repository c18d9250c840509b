using GraphQL.Types;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.Api.Users;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Events;
using TicketMaster.Orders;
using TicketMaster.Payments;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Api.Booking;

public static class BookingMutations
{
    public static void AddBookingMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<ReserveSeatsInput, Hold>("reserveSeats")
            .Description("Holds these seats for you for ten minutes: all of them, or none.")
            .Authorize()
            .Returns<ReservationType>("reservation", "The reservation holding your seats; confirm it before `expiresAt`.")
            .Errors(
                typeof(SeatsUnavailableException), typeof(SeatsNotInEventException), typeof(EventNotFoundException), typeof(EventNotOnSaleException),
                typeof(TooManySeatsException), typeof(TicketLimitReachedException), typeof(TooManyReservationsException), typeof(NoSeatsException), typeof(TryAgainException),
                typeof(WaitingRoomPassRequiredException), typeof(WaitingRoomPassExpiredException))
            .Resolve(async (input, ctx) =>
            {
                await ctx.Service<AdmissionCheck>().EnsureAdmittedAsync(ctx.UserId(), input.EventId, input.AdmissionPass, ctx.CancellationToken);
                return await ctx.Service<ReserveSeats>().ExecuteAsync(ctx.UserId(), input.EventId, input.SeatIds, ctx.CancellationToken);
            });

        mutation.Mutation<ReserveBestAvailableInput, Hold>("reserveBestAvailable")
            .Description("Holds the best free seats: the dearest price tier, the row nearest the stage, the middle of the row; together in one row when possible.")
            .Authorize()
            .Returns<ReservationType>("reservation", "The reservation holding the seats chosen for you; confirm it before `expiresAt`.")
            .Errors(
                typeof(NotEnoughSeatsException), typeof(SeatsUnavailableException), typeof(EventNotFoundException), typeof(EventNotOnSaleException),
                typeof(TooManySeatsException), typeof(TicketLimitReachedException), typeof(TooManyReservationsException), typeof(NoSeatsException), typeof(TryAgainException),
                typeof(InvalidCurrencyException), typeof(PriceInOtherCurrencyException),
                typeof(WaitingRoomPassRequiredException), typeof(WaitingRoomPassExpiredException))
            .Resolve(async (input, ctx) =>
            {
                await ctx.Service<AdmissionCheck>().EnsureAdmittedAsync(ctx.UserId(), input.EventId, input.AdmissionPass, ctx.CancellationToken);
                return await ctx.Service<ReserveBestAvailable>().ExecuteAsync(
                    ctx.UserId(), input.EventId, input.Quantity, input.SectionId, input.MaxPrice?.ToMoney(), ctx.CancellationToken);
            });

        mutation.Mutation<ReleaseReservationInput, Hold>("releaseReservation")
            .Description("Gives the held seats back before the reservation runs out.")
            .Authorize()
            .Returns<ReservationType>("reservation", "The reservation, now `RELEASED`.")
            .Errors(typeof(ReservationNotFoundException), typeof(NotYourReservationException), typeof(ReservationNotActiveException), typeof(TryAgainException))
            .Resolve((input, ctx) => ctx.Service<ReleaseReservation>().ExecuteAsync(ctx.UserId(), input.ReservationId, ctx.CancellationToken));

        mutation.Mutation<ConfirmReservationInput, Order>("confirmReservation")
            .Description("Pays for a reservation and turns it into an order with one ticket per seat.")
            .Authorize()
            .Returns<OrderType>("order", "The paid order with its tickets.")
            .Errors(
                typeof(ReservationNotFoundException), typeof(ReservationExpiredException), typeof(NotYourReservationException),
                typeof(ReservationAlreadyConfirmedException), typeof(ReservationNotActiveException), typeof(PaymentDeclinedException),
                typeof(PaymentFailedException), typeof(IdempotencyKeyReusedException), typeof(ConfirmationInProgressException), typeof(TryAgainException),
                typeof(PaymentRefundedException), typeof(PaymentActionRequiredException), typeof(PaymentPendingException), typeof(SalesStoppedException))
            .Resolve((input, ctx) => ctx.Service<ConfirmReservation>().ExecuteAsync(
                ctx.UserId(), input.ReservationId, input.PaymentToken, input.IdempotencyKey, ctx.CancellationToken));

        mutation.Mutation<RefundOrderInput, Order>("refundOrder")
            .Description("Gives the buyer back the price of an order's tickets (all, or `ticketIds`) through the payment processor; the tickets become REFUNDED and their seats go back on sale unless `releaseSeats` is false. For admins and the event's organizer. Refunding the same tickets again changes nothing.")
            .AuthorizeWithPolicy(Policies.EventOrganizer)
            .Returns<OrderType>("order", "The order with its tickets, `refunds` and derived `status`.")
            .Errors(typeof(OrderNotFoundException), typeof(TicketsNotInOrderException), typeof(OrderNotRefundableException), typeof(RefundFailedException), typeof(TryAgainException))
            .Resolve((input, ctx) => ctx.Service<RefundOrder>().ExecuteAsync(input.OrderId, input.TicketIds, input.Reason, input.ReleaseSeats ?? true, ctx.CancellationToken));
    }
}
