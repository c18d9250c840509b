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
        : base("EventFilterInput", "events")
    {
        String("name", e => e.Name, "Events by display name.");
        String("description", e => e.Description, "Events by the text of their description.");
        Enum<EventCategoryType>("category", (Event e) => e.Category, "Events by kind of show.");
        Enum<EventStatusType>("status", (Event e) => e.Status, "Events by status; drafts are never listed, whatever this says.");
        DateOrDateTime("startsAt", e => e.StartsAt, e => e.StartsAtLocal,
            "Events by start. A date-time compares the instant (`gte: \"2027-03-01T18:00:00Z\"`); a date compares the day at the venue, in its `timeZone`: "
            + "`eq: \"2027-03-01\"` is every show starting that day there, wherever the client is, and `gte: \"2027-03-01\"` starts at midnight there.");
        Object<VenueFilterInputType, Venue>("venue", e => e.Venue, "Events by their venue: its city, country, name and so on.");
        List<PerformerFilterInputType, Performer>("performers", e => e.Performers, "Events by their line-up, e.g. `{ some: { name: { eq: \"…\" } } }`.");
    }
}

public sealed class EventSortInputType : SortInputType<Event>
{
    public EventSortInputType()
        : base("EventSortInput", "events")
    {
        Field("name", (Event e) => e.Name, "By display name.");
        Field("startsAt", (Event e) => e.StartsAt, "By start time: ASC is soonest first.");
        Field("category", (Event e) => e.Category, "By category, alphabetically by value name (COMEDY first).");
        Field("status", (Event e) => e.Status, "By status, alphabetically by value name (CANCELLED first).");
        Object<VenueSortInputType, Venue>("venue", e => e.Venue, "By a field of the venue.");
    }
}
