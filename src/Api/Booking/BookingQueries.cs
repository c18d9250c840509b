using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Api.Users;
using TicketMaster.Booking;
using TicketMaster.GraphQL.Paging;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Booking;

public static class BookingQueries
{
    public static void AddBookingQueries(this ObjectGraphType query)
    {
        query.AddRequestConnection<TicketMasterDbContext, object?, Hold, Guid, ReservationType, ReservationFilterInputType, ReservationSortInputType>(
                "myReservations",
                "Your reservations that still hold their seats, soonest to expire first. Null (with an AUTH_NOT_AUTHENTICATED error) without a token; the rest of the answer stands.",
                (db, ctx) => ReservationQueries.Running(db, ctx.UserId(), ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime),
                h => h.Id,
                new Dictionary<string, object?> { ["expiresAt"] = SortDirection.Asc })
            .Authorize();

        query.AddRequestConnection<TicketMasterDbContext, object?, Order, Guid, OrderType, OrderFilterInputType, OrderSortInputType>(
                "myOrders",
                "Your orders with their tickets, newest first. Null (with an AUTH_NOT_AUTHENTICATED error) without a token; the rest of the answer stands.",
                (db, ctx) => db.Orders.AsNoTracking().Where(o => o.UserId == ctx.UserId()),
                o => o.Id,
                new Dictionary<string, object?> { ["createdAt"] = SortDirection.Desc })
            .Authorize();
    }

    /// <summary><c>node(id:)</c> for reservations and orders: the owner's only.</summary>
    public static IDataLoaderResult LoadOwnReservation(IResolveFieldContext context, Guid id) =>
        context.Loaders<BookingDataLoaders>().HoldById.Load(id).Then(hold => hold is not null && hold.UserId == Caller.UserIdOf(context.User) ? hold : null);

    public static IDataLoaderResult LoadOwnOrder(IResolveFieldContext context, Guid id) =>
        context.Loaders<BookingDataLoaders>().OrderById.Load(id).Then(order => order is not null && order.UserId == Caller.UserIdOf(context.User) ? order : null);

    /// <summary>The order the caller's hold became, if any.</summary>
    public static IDataLoaderResult LoadOwnOrderOfHold(IResolveFieldContext context, Guid holdId) =>
        context.Loaders<BookingDataLoaders>().OrderByHold.Load(holdId).Then(order => order is not null && order.UserId == Caller.UserIdOf(context.User) ? order : null);

    /// <summary><c>node(id:)</c> for tickets: the buyer's only.</summary>
    public static IDataLoaderResult LoadOwnTicket(IResolveFieldContext context, Guid id) =>
        context.Loaders<BookingDataLoaders>().TicketById.Load(id).Then(owned => owned is not null && owned.BuyerId == Caller.UserIdOf(context.User) ? owned.Ticket : null);
}
