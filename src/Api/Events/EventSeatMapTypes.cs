using GraphQL.Types;
using TicketMaster.Api.Booking;
using TicketMaster.Api.Venues;
using TicketMaster.Common;

namespace TicketMaster.Api.Events;

/// <summary>An event's compact seat map as read at <see cref="Version"/> of its live changes.</summary>
public sealed record EventSeatMap(long Version, IReadOnlyList<EventSeatMapSection> Sections);

/// <summary>A section of the venue's compact map with this event's price and statuses.</summary>
public sealed record EventSeatMapSection(MapSection Layout, Money Price);

public sealed class SeatMapType : ObjectGraphType<EventSeatMap>
{
    public SeatMapType()
    {
        Name = "SeatMap";
        Description =
            "An event's whole seat map in one small response (the 22,496-seat demo stadium is under 100 KB): sections with their price, rows with one status letter per seat, " +
            "and where to draw each seat. To keep it live: subscribe to `onSeatAvailabilityChanged`, then read the map, then apply each change whose `version` is greater than " +
            "the map's, in order, finding each `seatId`'s seat through `seatKeys`.";
        Field<NonNullGraphType<LongGraphType>>("version")
            .Description(
                "The event's live version when the map was read, the same counter as `onSeatAvailabilityChanged.version`: the map has every change up to it, " +
                "and maybe some just after, which applying again leaves as they are. A change whose version is not exactly one more than the last applied means some were missed: read the map again.")
            .Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeatMapSectionType>>>>("sections").Description(SeatMapFields.SectionsDescription)
            .Resolve(ctx => ctx.Source.Sections);
    }
}

public sealed class SeatMapSectionType : ObjectGraphType<EventSeatMapSection>
{
    public SeatMapSectionType()
    {
        Name = "SeatMapSection";
        Description = "A section of an event's seat map: its price, its seats' keys, where to draw them, and its rows with their statuses.";
        this.AddLayoutFields(s => s.Layout);
        Field<NonNullGraphType<MoneyType>>("price").Description("What one seat of this section costs at this event.").Resolve(ctx => ctx.Source.Price);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeatMapRowType>>>>("rows").Description("Rows from the front back.")
            .Resolve(ctx => ctx.Source.Layout.Rows);
    }
}

public sealed class SeatMapRowType : ObjectGraphType<MapRow>
{
    public SeatMapRowType()
    {
        Name = "SeatMapRow";
        Description = "A row of an event's seat map: its label, seat numbers and each seat's status.";
        Field(r => r.Label).Description(SeatMapFields.RowLabelDescription);
        Field(r => r.Numbers).Description(SeatMapFields.NumbersDescription);
        Field<NonNullGraphType<StringGraphType>>("statuses")
            .Description(
                "One letter per seat, in the order of `numbers`: `A` available, `H` held (in someone's reservation; it comes back if that is released or runs out), `S` sold. " +
                "A hold that ran out shows as `A`, as in `Event.seats`. Letters are the first letter of `SeatStatus`, so a live change's status maps to one.")
            .Resolve(ctx => ctx.Source.Statuses);
    }
}
