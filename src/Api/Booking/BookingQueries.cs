using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Api.Users;
using TicketMaster.Booking;

namespace TicketMaster.Api.Booking;

public static class BookingQueries
{
    public static void AddBookingQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReservationType>>>>("myReservations")
            .Description("Your reservations that are still running, soonest to expire first.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var user = ctx.UserId();
                return await ctx.RequestServices!.GetRequiredService<ReservationQueries>().RunningAsync(user, ctx.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>>("myOrders")
            .Description("Your orders with their tickets, newest first.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var user = ctx.UserId();
                return await ctx.RequestServices!.GetRequiredService<ReservationQueries>().OrdersAsync(user, ctx.CancellationToken);
            });
    }

    /// <summary><c>node(id:)</c> for reservations and orders: the owner's only.</summary>
    public static IDataLoaderResult LoadOwnReservation(IResolveFieldContext context, Guid id) =>
        context.Loaders<BookingDataLoaders>().HoldById.Load(id).Then(hold => hold is not null && hold.UserId == Caller.UserIdOf(context.User) ? hold : null);

    public static IDataLoaderResult LoadOwnOrder(IResolveFieldContext context, Guid id) =>
        context.Loaders<BookingDataLoaders>().OrderById.Load(id).Then(order => order is not null && order.UserId == Caller.UserIdOf(context.User) ? order : null);
}
