using GraphQL.Types;
using TicketMaster.Booking;
using TicketMaster.Events;

namespace TicketMaster.Api.Events;

public sealed class EventCategoryType : EnumerationGraphType<EventCategory>
{
    public EventCategoryType()
    {
        Name = "EventCategory";
    }
}

public sealed class EventStatusType : EnumerationGraphType<EventStatus>
{
    public EventStatusType()
    {
        Name = "EventStatus";
        Description = "DRAFT → ON_SALE ⇄ SOLD_OUT; CANCELLED and COMPLETED are final.";
    }
}

public sealed class SeatStatusType : EnumerationGraphType<SeatStatus>
{
    public SeatStatusType()
    {
        Name = "SeatStatus";
        Description = "A seat on hold whose hold has expired is AVAILABLE.";
    }
}
