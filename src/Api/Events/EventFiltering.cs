using TicketMaster.GraphQL.Filtering;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Api.Performers;
using TicketMaster.Api.Venues;
using TicketMaster.Events;
using TicketMaster.Performers;
using TicketMaster.Venues;

namespace TicketMaster.Api.Events;

public sealed class EventFilterInputType : FilterInputType<Event>
{
    public EventFilterInputType()
        : base("EventFilterInput")
    {
        String("name", e => e.Name);
        String("description", e => e.Description);
        Enum<EventCategoryType>("category", (Event e) => e.Category);
        Enum<EventStatusType>("status", (Event e) => e.Status);
        Comparable<DateTimeOperationFilterInputType>("startsAt", (Event e) => e.StartsAt);
        Object<VenueFilterInputType, Venue>("venue", e => e.Venue);
        List<PerformerFilterInputType, Performer>("performers", e => e.Performers);
    }
}

public sealed class EventSortInputType : SortInputType<Event>
{
    public EventSortInputType()
        : base("EventSortInput")
    {
        Field("name", (Event e) => e.Name);
        Field("startsAt", (Event e) => e.StartsAt);
        Field("category", (Event e) => e.Category);
        Field("status", (Event e) => e.Status);
        Object<VenueSortInputType, Venue>("venue", e => e.Venue);
    }
}
