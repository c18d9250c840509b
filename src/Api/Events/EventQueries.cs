using TicketMaster.GraphQL.Caching;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using TicketMaster.GraphQL.DataLoading;
using TicketMaster.GraphQL.Paging;
using TicketMaster.GraphQL.Relay;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Events;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Events;

public static class EventQueries
{
    public static void AddEventQueries(this ObjectGraphType query)
    {
        query.EventsConnection("events", "Published events (drafts are not listed), soonest first unless `order` says otherwise.", (db, _) => db.Events)
            .AllowAnonymous()
            .CacheControl(CacheMaxAge.Catalogue);
        query.Field<EventType>("eventById")
            .Description("The event with this id, or null when there is none or it is a draft you cannot see (only its organizer and admins see drafts).")
            .AllowAnonymous()
            .CacheControl(CacheMaxAge.Catalogue)
            .IdArgument("id", EventType.TypeName, "The event's global id, from `Event.id`.")
            .Resolve(ctx => ctx.Loaders<EventDataLoaders>().EventById.Load(ctx.GetArgument<int>("id"))
                .Then(e => e is not null && e.IsVisibleTo(ctx.User) ? e : null));
        query.AddOrganizerQueries();
    }

    /// <summary>A connection of published events with filtering, sorting and paging, for any parent.</summary>
    public static FieldBuilder<TSource, object> EventsConnection<TSource>(
        this ObjectGraphType<TSource> type, string name, string description, Func<TicketMasterDbContext, TSource, IQueryable<Event>> source) =>
        type.AddConnection<TicketMasterDbContext, TSource, Event, EventType, EventFilterInputType, EventSortInputType>(
            name,
            description,
            (db, parent) => source(db, parent).Where(e => e.Status != EventStatus.Draft),
            e => e.Id,
            new Dictionary<string, object?> { ["startsAt"] = SortDirection.Asc });
}
