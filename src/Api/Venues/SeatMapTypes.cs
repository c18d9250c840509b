using GraphQL.Types;
using TicketMaster.Api.Events;

namespace TicketMaster.Api.Venues;

/// <summary>
/// The compact seat map's graph types shared by a venue's map and an event's (Events/EventSeatMapTypes):
/// how a section places its seats and names them. Descriptions are written once here.
/// </summary>
public static class SeatMapFields
{
    public const string SectionsDescription = "Sections in the venue's display order (`Section.position`).";

    public const string SeatKeysDescription =
        "The keys of the section's seats in map order (rows front to back, each row by seat number), as comma-separated ranges: " +
        "`\"63788-64267\"`, or `\"63788-63811,64000-64019\"` when they are not consecutive. A seat's id (`EventSeat.id`, `reserveSeats`' `seatIds`, " +
        "a live change's `seatId`) is the Base64 of `Seat:<key>`: in JavaScript `btoa('Seat:' + key)`, and back `Number(atob(seatId).slice(5))`. " +
        "So the k-th seat of the section in map order, counting through the rows' `numbers`, has the k-th key.";

    public const string RowLabelDescription = "The row's label as printed on tickets, e.g. \"C\" or \"12\".";

    public const string NumbersDescription =
        "The row's seat numbers in order, as comma-separated ranges: `\"1-24\"`, or `\"1-10,12-20\"` with a gap. " +
        "How many there are is how many seats the row has; show a seat as `Section 101, row 12, seat 7`.";

    /// <summary>The fields every section of a compact seat map has, the venue's or an event's.</summary>
    public static void AddLayoutFields<TSource>(this ObjectGraphType<TSource> type, Func<TSource, MapSection> layout)
    {
        type.Field<NonNullGraphType<EventSeatSectionType>>("section")
            .Description("The section: its `id` (for `Event.seats(sectionId:)` and `reserveBestAvailable`) and `name`.")
            .Resolve(ctx => new SeatSection(layout(ctx.Source).SectionId, layout(ctx.Source).Name));
        type.Field<NonNullGraphType<StringGraphType>>("seatKeys").Description(SeatKeysDescription).Resolve(ctx => layout(ctx.Source).SeatKeys);
        type.Field<NonNullGraphType<StringGraphType>>("accessibleSeatKeys")
            .Description("The keys of the section's wheelchair-accessible seats, as ranges like `seatKeys`; empty when there are none.")
            .Resolve(ctx => layout(ctx.Source).AccessibleSeatKeys);
        type.Field<SeatMapShapeType>("shape")
            .Description(
                "Where to draw the seats, when the layout allows (null otherwise: read `points`). The first row lies along `front`, the last along `back`, " +
                "row r (from 0, of R rows) along the curve whose three points are interpolated between theirs at u = r / (R − 1) (0 for a single row); " +
                "seat i (from 0, of n) of a row sits at t = i / (n − 1) along it (0.5 for a single seat). Every seat drawn so is within 5 cm of its `EventSeat.x`/`y`.")
            .Resolve(ctx => layout(ctx.Source).Shape);
        type.Field<ListGraphType<NonNullGraphType<FloatGraphType>>>("points")
            .Description("Every seat's position as x, y pairs in map order (metres, as `EventSeat.x`/`y`), when the section is too irregular for `shape`; null when `shape` is set.")
            .Resolve(ctx => layout(ctx.Source).Points);
    }
}

public sealed class VenueSeatMapSectionType : ObjectGraphType<MapSection>
{
    public VenueSeatMapSectionType()
    {
        Name = "VenueSeatMapSection";
        Description = "A section of the venue's compact seat map: its seats' keys, where to draw them, and its rows.";
        this.AddLayoutFields(s => s);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VenueSeatMapRowType>>>>("rows").Description("Rows from the front back.")
            .Resolve(ctx => ctx.Source.Rows);
    }
}

public sealed class VenueSeatMapRowType : ObjectGraphType<MapRow>
{
    public VenueSeatMapRowType()
    {
        Name = "VenueSeatMapRow";
        Description = "A row of the venue's compact seat map.";
        Field(r => r.Label).Description(SeatMapFields.RowLabelDescription);
        Field(r => r.Numbers).Description(SeatMapFields.NumbersDescription);
    }
}

public sealed class SeatMapShapeType : ObjectGraphType<MapShape>
{
    public SeatMapShapeType()
    {
        Name = "SeatMapShape";
        Description = "A section's seats for drawing: the first row along `front`, the last along `back`, the rows between along curves interpolated between the two.";
        Field<NonNullGraphType<SeatMapCurveType>>("front").Description("The first (front) row's curve, from its lowest seat number to its highest.").Resolve(ctx => ctx.Source.Front);
        Field<NonNullGraphType<SeatMapCurveType>>("back").Description("The last (back) row's curve; the same as `front` when the section has one row.").Resolve(ctx => ctx.Source.Back);
    }
}

public sealed class SeatMapCurveType : ObjectGraphType<MapCurve>
{
    public SeatMapCurveType()
    {
        Name = "SeatMapCurve";
        Description = "A quadratic Bézier curve (SVG `Q`, canvas `quadraticCurveTo`): B(t) = (1 − t)²·start + 2(1 − t)t·control + t²·end, t from 0 to 1.";
        Field<NonNullGraphType<SeatMapPointType>>("start").Description("B(0): where the row's first seat is.").Resolve(ctx => ctx.Source.Start);
        Field<NonNullGraphType<SeatMapPointType>>("control").Description("The control point: the curve bends towards it; on the line between `start` and `end` for a straight row.")
            .Resolve(ctx => ctx.Source.Control);
        Field<NonNullGraphType<SeatMapPointType>>("end").Description("B(1): where the row's last seat is.").Resolve(ctx => ctx.Source.End);
    }
}

public sealed class SeatMapPointType : ObjectGraphType<MapPoint>
{
    public SeatMapPointType()
    {
        Name = "SeatMapPoint";
        Description = "A point on the venue map, in metres from the stage or pitch centre.";
        Field(p => p.X).Description(SeatType.XDescription);
        Field(p => p.Y).Description(SeatType.YDescription);
    }
}

/// <summary>A venue's compact seat map: the layout alone, with no event's prices or statuses.</summary>
public sealed record VenueSeatMap(IReadOnlyList<MapSection> Sections);

public sealed class VenueSeatMapType : ObjectGraphType<VenueSeatMap>
{
    public VenueSeatMapType()
    {
        Name = "VenueSeatMap";
        Description = "The venue's whole seat map in one small response: sections, rows, seat keys and where to draw each seat. An event's `seatMap` adds prices and live statuses.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VenueSeatMapSectionType>>>>("sections").Description(SeatMapFields.SectionsDescription)
            .Resolve(ctx => ctx.Source.Sections);
    }
}
