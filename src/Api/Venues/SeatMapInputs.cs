using GraphQL.Types;
using TicketMaster.Venues;

namespace TicketMaster.Api.Venues;

// The input types of layOutSeatMap, over the core's SeatMapPlan records: the same shape as the
// seat-map file (docs/seat-map-format.md), so a file and a mutation describe a map alike.

public sealed class SeatMapSectionInputType : InputObjectGraphType<SectionPlan>
{
    public SeatMapSectionInputType()
    {
        Name = "SeatMapSectionInput";
        Description = "One section of a new seat map: give exactly one of `block` (rows × seats from a few numbers), `rows` (every seat explicit) or `standing` (a standing area).";
        Field(s => s.Name).Description("Display name, unique in the venue, e.g. \"101\" or \"Floor\"; 1 to 100 characters.");
        Field(s => s.Block, type: typeof(SeatBlockInputType)).Description("Rows of evenly spaced seats: the compact form for most sections.");
        Field(s => s.Rows, type: typeof(ListGraphType<NonNullGraphType<SeatMapRowInputType>>)).Description("Every row and seat explicitly, front row first: for irregular sections (and what `exportSeatMap` writes).");
        Field(s => s.Standing, type: typeof(StandingAreaInputType)).Description("A standing area sold by capacity; its places are sold like seats (`Section.isStanding` is true).");
        Field(s => s.IsStanding).DefaultValue(false).Description("With `rows`: the rows are a standing area's places (as `exportSeatMap` writes standing areas).");
    }
}

public sealed class SeatBlockInputType : InputObjectGraphType<SeatBlock>
{
    public SeatBlockInputType()
    {
        Name = "SeatBlockInput";
        Description = "Rows × seats laid out from a few numbers, in metres from the stage centre. Row r (0 = front) seat i sits at (i·seatSpacing + r·rowOffset, r·rowSpacing − curvature·t²), t running −1…1 along the row, turned by `angle` and moved to (`x`, `y`).";
        Field(b => b.RowLabels).Description("Row labels from the front row back, e.g. [\"A\", \"B\", \"C\"]; unique in the section, 1 to 10 characters each.");
        Field(b => b.SeatsPerRow).Description("Seats in every row, at least 1.");
        Field(b => b.X).Description("Where the front row's first seat is: metres right of the stage centre.");
        Field(b => b.Y).Description("Where the front row's first seat is: metres back from the stage centre.");
        Field(b => b.SeatSpacing).DefaultValue(0.5).Description("Metres between neighbouring seats.");
        Field(b => b.RowSpacing).DefaultValue(0.9).Description("Metres between rows.");
        Field(b => b.Angle).DefaultValue(0.0).Description("Degrees the block is turned counter-clockwise about its first seat; 0: rows run along x.");
        Field(b => b.Curvature).DefaultValue(0.0).Description("Metres the ends of each row come towards the stage compared with its middle, so rows wrap around the stage; 0: straight rows.");
        Field(b => b.RowOffset).DefaultValue(0.0).Description("Metres each row is shifted along itself relative to the row in front, for staggered seating.");
        Field(b => b.FirstSeatNumber).DefaultValue(1).Description("Number of each row's first seat; seats are numbered upwards along the row.");
        Field(b => b.AccessibleRows, nullable: true).Description("Labels of rows whose seats are all wheelchair accessible.");
    }
}

public sealed class SeatMapRowInputType : InputObjectGraphType<RowPlan>
{
    public SeatMapRowInputType()
    {
        Name = "SeatMapRowInput";
        Description = "One row with every seat explicit.";
        Field(r => r.Label).Description("The row's label, unique in its section; 1 to 10 characters.");
        Field(r => r.Seats, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<SeatMapSeatInputType>>>)).Description("The row's seats; numbers unique in the row.");
    }
}

public sealed class SeatMapSeatInputType : InputObjectGraphType<SeatPlan>
{
    public SeatMapSeatInputType()
    {
        Name = "SeatMapSeatInput";
        Description = "One seat, positioned in metres from the stage centre (within ±2,000 m).";
        Field(s => s.Number).Description("The seat number, positive; adjacent numbers are adjacent seats.");
        Field(s => s.X).Description("Metres right of the stage centre.");
        Field(s => s.Y).Description("Metres back from the stage centre.");
        Field(s => s.IsAccessible).DefaultValue(false).Description("Wheelchair accessible.");
    }
}

public sealed class StandingAreaInputType : InputObjectGraphType<StandingArea>
{
    public StandingAreaInputType()
    {
        Name = "StandingAreaInput";
        Description = "A standing area: `capacity` places in a rectangle, drawn as a grid so the map shows how full it is.";
        Field(a => a.Capacity).Description("How many people the area admits, at least 1.");
        Field(a => a.X).Description("The rectangle's corner nearest the stage centre's left: metres right of the stage centre.");
        Field(a => a.Y).Description("The same corner: metres back from the stage centre.");
        Field(a => a.Width).Description("Metres along x, positive.");
        Field(a => a.Depth).Description("Metres along y, positive.");
    }
}
