using GraphQL;
using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.Api.GraphQL.Mutations;
using TicketMaster.Api.GraphQL.Relay;
using TicketMaster.Api.Users;
using TicketMaster.Api.Venues;
using TicketMaster.Booking;
using TicketMaster.Common;

namespace TicketMaster.Api.Booking;

public static class BookingMutations
{
    public static void AddBookingMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ReservationPayloadType<ReserveSeatsErrorType>>>("reserveSeats")
            .Description("Holds these seats for you for ten minutes: all of them, or none.")
            .Argument<NonNullGraphType<ReserveSeatsInputType>>("input")
            .ResolveAsync(ctx => RunAsync(ctx, (services, user, input, token) =>
                services.GetRequiredService<ReserveSeats>().ExecuteAsync(
                    user,
                    GlobalId.DecodeInt((string)input["eventId"]!, EventType.TypeName),
                    ((IEnumerable<object?>)input["seatIds"]!).Select(id => GlobalId.DecodeInt((string)id!, SeatType.TypeName)).ToList(),
                    token)));

        mutation.Field<NonNullGraphType<ReservationPayloadType<ReleaseReservationErrorType>>>("releaseReservation")
            .Description("Gives the held seats back before the reservation runs out.")
            .Argument<NonNullGraphType<ReleaseReservationInputType>>("input")
            .ResolveAsync(ctx => RunAsync(ctx, (services, user, input, token) =>
                services.GetRequiredService<ReleaseReservation>().ExecuteAsync(
                    user, GlobalId.DecodeGuid((string)input["reservationId"]!, ReservationType.TypeName), token)));

        mutation.Field<NonNullGraphType<ConfirmReservationPayloadType>>("confirmReservation")
            .Description("Pays for a reservation and turns it into an order with one ticket per seat.")
            .Argument<NonNullGraphType<ConfirmReservationInputType>>("input")
            .ResolveAsync(ctx => RunAsync(ctx, (services, user, input, token) =>
                services.GetRequiredService<ConfirmReservation>().ExecuteAsync(
                    user,
                    GlobalId.DecodeGuid((string)input["reservationId"]!, ReservationType.TypeName),
                    (string)input["paymentToken"]!,
                    (string)input["idempotencyKey"]!,
                    token)));
    }

    /// <summary>Runs a booking use case for the signed-in caller; expected failures become payload errors.</summary>
    private static async Task<object?> RunAsync<T>(
        IResolveFieldContext context, Func<IServiceProvider, int, IDictionary<string, object?>, CancellationToken, Task<T>> useCase)
        where T : class
    {
        var user = context.RequireUserId();
        try
        {
            return Payload<T>.Ok(await useCase(context.RequestServices!, user, context.GetArgument<Dictionary<string, object?>>("input"), context.CancellationToken));
        }
        catch (DomainException error)
        {
            return Payload<T>.Fail(BookingErrors.From(error));
        }
    }
}
