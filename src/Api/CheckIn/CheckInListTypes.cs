using TicketMaster.GraphQL.Caching;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Booking;
using TicketMaster.Api.Users;
using TicketMaster.Api.Venues;
using TicketMaster.Events;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Relay;
using TicketMaster.GraphQL.Filtering;
using TicketMaster.GraphQL.Paging;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Orders;
using TicketMaster.Persistence;
using TicketMaster.Tickets;

namespace TicketMaster.Api.CheckIn;

/// <summary>The door's view of an event: its check-in list and entry progress, for its staff only.</summary>
public static class CheckInFields
{
    public static void AddCheckInFields(this ObjectGraphType<Event> show)
    {
        show.AddRequestConnection<TicketMasterDbContext, Event, Ticket, Guid, CheckInListEntryType, CheckInListFilterInputType, CheckInListSortInputType>(
                "checkInList",
                "Every ticket of the event with its signed code and check-in, for offline scanners to load before the doors open (then `uploadScans`). Only for the event's organizer and its venue's manager; null with AUTH_NOT_AUTHORIZED for anyone else.",
                (db, ctx) => db.Tickets.AsNoTracking().Where(t => t.EventId == ctx.Source.Id),
                t => t.Id,
                new Dictionary<string, object?> { ["status"] = SortDirection.Asc })
            .AuthorizeWithPolicy(Policies.EventStaff);
        show.Field<EntryProgressType>("entryProgress")
            .Description("Checked in against sold, by gate and per quarter hour, as the doors run. Only for the event's organizer and its venue's manager; null with AUTH_NOT_AUTHORIZED for anyone else.")
            .AuthorizeWithPolicy(Policies.EventStaff)
            .ResolveAsync(async ctx => await ActivatorUtilities.GetServiceOrCreateInstance<CheckInQueries>(ctx.RequestServices!).EntryProgressAsync(ctx.Source.Id, ctx.CancellationToken));
    }
}

public sealed class CheckInListEntryType : ObjectGraphType<Ticket>
{
    public CheckInListEntryType()
    {
        Name = "CheckInListEntry";
        this.CacheControl(scope: CacheControlScope.Private);
        Description = "One ticket of the event as a door scanner needs it.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The ticket's signed code, as its QR code holds it.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<TicketCodes>().CodeFor(ctx.Source));
        Field<NonNullGraphType<TicketStatusType>>("status").Description("Only VALID tickets admit; scan a REFUNDED or CANCELLED one and refuse entry.").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<SeatType>>("seat").Description("The ticket's seat.").Resolve(ctx => ctx.Loaders<VenueDataLoaders>().SeatById.Load(ctx.Source.SeatId));
        Field<CheckInType>("checkIn").Description("Its check-in when it was already scanned; null while it has not been.")
            .Resolve(ctx => ctx.Loaders<CheckInDataLoaders>().CheckInByTicket.Load(ctx.Source.Id));
    }
}

public sealed class CheckInListFilterInputType : FilterInputType<Ticket>
{
    public CheckInListFilterInputType()
        : base("CheckInListFilterInput", "tickets")
    {
        Enum<TicketStatusType>("status", (Ticket t) => t.Status, "Tickets by status, e.g. `{ eq: VALID }` for the ones that admit.");
    }
}

public sealed class CheckInListSortInputType : SortInputType<Ticket>
{
    public CheckInListSortInputType()
        : base("CheckInListSortInput", "tickets")
    {
        Field("status", (Ticket t) => t.Status, "By status.");
    }
}

public sealed class CheckInDataLoaders(DbBatch<TicketMasterDbContext> batch)
{
    public BatchLoader<Guid, TicketMaster.Tickets.CheckIn> CheckInByTicket { get; } = batch.One<Guid, TicketMaster.Tickets.CheckIn>((db, ids, ct) =>
        db.CheckIns.AsNoTracking().Where(c => ids.Contains(c.TicketId)).ToDictionaryAsync(c => c.TicketId, ct));
}
