using GraphQL.Types;
using TicketMaster.Booking;
using TicketMaster.Events;
using TicketMaster.GraphQL;

namespace TicketMaster.Api.Events;

public sealed class EventCategoryType : EnumerationGraphType<EventCategory>
{
    public EventCategoryType()
    {
        Name = "EventCategory";
        Description = "The kind of show, for browsing and filters.";
        this.Describe("CONCERT", "Music: concerts, festivals, DJ sets.");
        this.Describe("SPORTS", "Matches, races and other sporting events.");
        this.Describe("THEATRE", "Plays, musicals, opera and dance.");
        this.Describe("COMEDY", "Stand-up and other comedy shows.");
        this.Describe("FAMILY", "Shows for children and families.");
        this.Describe("OTHER", "Anything else: talks, exhibitions, fairs.");
    }
}

public sealed class EventStatusType : EnumerationGraphType<EventStatus>
{
    public EventStatusType()
    {
        Name = "EventStatus";
        Description = "DRAFT → ON_SALE (or DRAFT → ANNOUNCED → ON_SALE at `onSaleAt`); ON_SALE ⇄ SOLD_OUT; ON_SALE or SOLD_OUT → SALES_PAUSED → ON_SALE; CANCELLED and COMPLETED are final.";
        this.Describe("DRAFT", "Being prepared by its organizer: not listed, and `eventById` returns null for it.");
        this.Describe("ON_SALE", "Published, with seats to reserve.");
        this.Describe("SOLD_OUT", "Published, but no seat is left to reserve; it may go back ON_SALE when seats come free.");
        this.Describe("CANCELLED", "Called off; nothing can be reserved. Final.");
        this.Describe("COMPLETED", "The show is over. Final.");
        this.Describe("SALES_PAUSED", "Published, but its organizer stopped sales for now (`pauseSales`): listed, nothing can be reserved until `resumeSales`.");
        this.Describe("ANNOUNCED", "Published and listed, but sales open at its `onSaleAt`: show the date; reserving before then answers `EventNotOnSaleError` with `onSaleAt`. It turns ON_SALE by itself.");
    }
}

public sealed class SeatStatusType : EnumerationGraphType<SeatStatus>
{
    public SeatStatusType()
    {
        Name = "SeatStatus";
        Description = "A seat on hold whose hold has expired is AVAILABLE.";
        this.Describe("AVAILABLE", "Free: it can be reserved now.");
        this.Describe("HELD", "In someone's running reservation; it may become AVAILABLE again if that is released or runs out.");
        this.Describe("SOLD", "Paid for.");
    }
}
