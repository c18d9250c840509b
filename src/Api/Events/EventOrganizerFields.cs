using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Booking;
using TicketMaster.Api.Users;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Events;
using TicketMaster.GraphQL.Paging;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Events;

/// <summary>What organizers set and read on an event: times, limits, sales figures, and their own events.</summary>
public static class EventOrganizerFields
{
    public static void AddOrganizerFields(this ObjectGraphType<Event> type)
    {
        type.Field<DateTimeGraphType>("endsAt").Description("When the show ends (UTC), when the organizer gave it; show it in venue.timeZone.").Resolve(ctx => ctx.Source.EndsAt);
        type.Field<DateTimeGraphType>("doorsAt").Description("When doors open (UTC), when the organizer gave it.").Resolve(ctx => ctx.Source.DoorsAt);
        type.Field<DateTimeGraphType>("onSaleAt").Description("When sales open (UTC); null: as soon as the event is published.").Resolve(ctx => ctx.Source.OnSaleAt);
        type.Field<IntGraphType>("maxTicketsPerOrder").Description("Most tickets one order may hold; null: no limit of the event's own.").Resolve(ctx => ctx.Source.MaxTicketsPerOrder);
        type.Field<IntGraphType>("maxTicketsPerAccount").Description("Most tickets one account may hold and buy for this event together (valid tickets plus seats in running reservations; refunded tickets do not count); beyond it reservations answer `TicketLimitReachedError`. Null: no limit.").Resolve(ctx => ctx.Source.MaxTicketsPerAccount);
        type.Field<NonNullGraphType<EventSalesType>>("sales")
            .Description("Sales figures now: seats sold, held and free, orders and revenue. Only the event's organizer and admins (`AUTH_NOT_AUTHORIZED` for others).")
            .AuthorizeWithPolicy(Policies.EventOrganizer)
            .ResolveAsync(async ctx =>
            {
                await using var db = await ctx.RequestServices!.GetRequiredService<IDbContextFactory<TicketMasterDbContext>>().CreateDbContextAsync(ctx.CancellationToken);
                return await SalesAsync(db, ctx.Source, ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ctx.CancellationToken);
            });
    }

    public static void AddOrganizerQueries(this ObjectGraphType query) =>
        query.AddRequestConnection<TicketMasterDbContext, object?, Event, int, EventType, EventFilterInputType, EventSortInputType>(
                "myEvents",
                "The events you organize, drafts included, soonest first unless `order` says otherwise. Organizers and admins; null (with an AUTH_ error) for anyone else.",
                (db, ctx) => db.Events.AsNoTracking().Where(e => e.OrganizerId == ctx.UserId()),
                e => e.Id,
                new Dictionary<string, object?> { ["startsAt"] = SortDirection.Asc })
            .AuthorizeWithPolicy(Policies.Organizers);

    private static async Task<EventSales> SalesAsync(TicketMasterDbContext db, Event show, DateTime now, CancellationToken cancellationToken)
    {
        var seats = db.EventSeats.Where(s => s.EventId == show.Id);
        var total = await seats.CountAsync(cancellationToken);
        var sold = await seats.CountAsync(s => s.Status == SeatStatus.Sold, cancellationToken);
        var available = await seats.Where(EventSeat.IsAvailable.At(now)).CountAsync(cancellationToken);
        var paid = db.Orders.Where(o => o.EventId == show.Id && o.Status == OrderStatus.Completed);
        // Summed here: SQLite cannot SUM decimals server-side, and an event's paid orders are few enough to read.
        var amounts = await paid.Select(o => o.Total.Amount).ToListAsync(cancellationToken);
        return new EventSales(sold, total - sold - available, available, amounts.Count, new Money(amounts.Sum(), show.Currency));
    }
}

public sealed record EventSales(int Sold, int Held, int Available, int Orders, Money Revenue);

public sealed class EventSalesType : ObjectGraphType<EventSales>
{
    public EventSalesType()
    {
        Name = "EventSales";
        Description = "An event's sales now, for its organizer.";
        Field(s => s.Sold).Description("Tickets sold (seats in paid orders).");
        Field(s => s.Held).Description("Seats held by unexpired reservations: may still sell or come back.");
        Field(s => s.Available).Description("Seats free to reserve.");
        Field(s => s.Orders).Description("Paid orders.");
        Field<NonNullGraphType<MoneyType>>("revenue").Description("What the paid orders came to, in the event's currency (refunded orders excluded).").Resolve(ctx => ctx.Source.Revenue);
    }
}
