using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.Venues;

/// <summary>
/// A whole seat map as a venue manager describes it: what <c>layOutSeatMap</c> takes and what
/// <c>exportSeatMap</c>/<c>importSeatMap</c> write and read as JSON (docs/seat-map-format.md).
/// Each section is exactly one of: a <see cref="SeatBlock"/> (rows × seats from a few numbers),
/// explicit <see cref="RowPlan"/>s, or a <see cref="StandingArea"/>.
/// </summary>
public sealed record SeatMapPlan(IReadOnlyList<SectionPlan> Sections)
{
    /// <summary>The most seats and standing places one venue may have.</summary>
    public const int MaxPlaces = 100_000;

    /// <summary>How far from the stage centre (metres, each axis) a seat may be.</summary>
    public const double MaxCoordinate = 2_000;

    /// <summary>Checks the plan and builds its sections on <paramref name="venue"/>, whose current map must be empty.</summary>
    public int BuildOn(Venue venue)
    {
        if (Sections is not { Count: > 0 })
        {
            throw new InvalidFieldException("sections", "must list at least one section");
        }

        var places = Sections.Sum(section => (long)section.PlaceCount());
        if (places > MaxPlaces)
        {
            throw new SeatMapTooLargeException((int)Math.Min(places, int.MaxValue), MaxPlaces);
        }

        foreach (var plan in Sections)
        {
            plan.BuildOn(venue);
        }

        return (int)places;
    }
}

public sealed record SectionPlan(
    string Name, SeatBlock? Block = null, IReadOnlyList<RowPlan>? Rows = null, StandingArea? Standing = null, bool IsStanding = false)
{
    internal long PlaceCount() =>
        (Block is { RowLabels: { } labels } ? (long)labels.Count * Math.Max(0, Block.SeatsPerRow) : 0)
        + (Rows?.Sum(row => (long)(row.Seats?.Count ?? 0)) ?? 0)
        + Math.Max(0, Standing?.Capacity ?? 0);

    internal void BuildOn(Venue venue)
    {
        if (new object?[] { Block, Rows, Standing }.Count(part => part is not null) != 1)
        {
            throw new InvalidFieldException("sections", $"section '{Name}' must have exactly one of block, rows or standing");
        }

        if (PlaceCount() == 0)
        {
            throw new EmptySectionException(Name);
        }

        var section = venue.AddSection(Name, IsStanding || Standing is not null);
        Block?.BuildOn(section);
        Standing?.BuildOn(section);
        foreach (var row in Rows ?? [])
        {
            var added = section.AddRow(row.Label);
            foreach (var seat in row.Seats ?? [])
            {
                added.AddSeat(seat.Number, Checked(section, row.Label, seat.Number, seat.X), Checked(section, row.Label, seat.Number, seat.Y), seat.IsAccessible);
            }
        }
    }

    internal static double Checked(Section section, string row, int number, double coordinate) =>
        double.IsFinite(coordinate) && Math.Abs(coordinate) <= SeatMapPlan.MaxCoordinate
            ? Math.Round(coordinate, 2)
            : throw new SeatOutOfRangeException(section.Name, row, number, coordinate, SeatMapPlan.MaxCoordinate);
}

/// <summary>
/// A block of rows laid out from a few numbers: row <c>r</c> (0 at the front) seat <c>i</c> sits at
/// (<c>i × seatSpacing + r × rowOffset</c>, <c>r × rowSpacing − curvature × t²</c>) with <c>t</c> running
/// from −1 at the row's first seat to 1 at its last, turned by <c>angle</c> degrees about the first
/// seat and moved to (<c>x</c>, <c>y</c>). A positive curvature brings the ends of every row towards
/// the stage, as rows that wrap around it.
/// </summary>
public sealed record SeatBlock(
    IReadOnlyList<string> RowLabels,
    int SeatsPerRow,
    double X,
    double Y,
    double SeatSpacing = 0.5,
    double RowSpacing = 0.9,
    double Angle = 0,
    double Curvature = 0,
    double RowOffset = 0,
    int FirstSeatNumber = 1,
    IReadOnlyList<string>? AccessibleRows = null)
{
    internal void BuildOn(Section section)
    {
        if (SeatsPerRow <= 0 || FirstSeatNumber <= 0)
        {
            throw new InvalidFieldException("seatsPerRow", $"and firstSeatNumber of section '{section.Name}' must be positive");
        }

        var accessible = (AccessibleRows ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (sin, cos) = Math.SinCos(Angle * Math.PI / 180);
        for (var r = 0; r < RowLabels.Count; r++)
        {
            var row = section.AddRow(RowLabels[r]);
            var isAccessible = accessible.Contains(row.Label);
            for (var i = 0; i < SeatsPerRow; i++)
            {
                var t = SeatsPerRow == 1 ? 0 : (2.0 * i / (SeatsPerRow - 1)) - 1;
                var (lx, ly) = ((i * SeatSpacing) + (r * RowOffset), (r * RowSpacing) - (Curvature * t * t));
                var number = FirstSeatNumber + i;
                row.AddSeat(
                    number,
                    SectionPlan.Checked(section, row.Label, number, X + (lx * cos) - (ly * sin)),
                    SectionPlan.Checked(section, row.Label, number, Y + (lx * sin) + (ly * cos)),
                    isAccessible);
            }
        }
    }
}

public sealed record RowPlan(string Label, IReadOnlyList<SeatPlan> Seats);

public sealed record SeatPlan(int Number, double X, double Y, bool IsAccessible = false);

/// <summary>
/// A standing area of <c>capacity</c> places in the rectangle from (<c>x</c>, <c>y</c>) spanning
/// <c>width</c> × <c>depth</c> metres. Places are sold like seats, in rows "1", "2", … of a grid
/// that fills the rectangle, so the map can draw how full the floor is.
/// </summary>
public sealed record StandingArea(int Capacity, double X, double Y, double Width, double Depth)
{
    internal void BuildOn(Section section)
    {
        if (!(Width > 0 && Depth > 0))
        {
            throw new InvalidFieldException("standing", $"area of section '{section.Name}' needs a positive width and depth");
        }

        var columns = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(Capacity * Width / Depth)));
        var rows = (Capacity + columns - 1) / columns;
        for (var r = 0; r < rows; r++)
        {
            var row = section.AddRow((r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (var c = 0; c < columns && (r * columns) + c < Capacity; c++)
            {
                var number = c + 1;
                row.AddSeat(
                    number,
                    SectionPlan.Checked(section, row.Label, number, X + ((c + 0.5) * Width / columns)),
                    SectionPlan.Checked(section, row.Label, number, Y + ((r + 0.5) * Depth / rows)));
            }
        }
    }
}

[Description("A section has no seats: a block with no row labels, rows with no seats, or a standing area with no capacity.")]
public sealed class EmptySectionException(string sectionName)
    : DomainException($"Section '{sectionName}' has no seats or places.")
{
    [Description("The empty section's name.")]
    public string SectionName { get; } = sectionName;
}

[Description("The seat map has more seats and standing places than one venue may have (`limit`); split it or ask an admin.")]
public sealed class SeatMapTooLargeException(int places, int limit)
    : DomainException($"The seat map has {places} seats and places; a venue may have at most {limit}.")
{
    [Description("How many seats and places the map asked for.")]
    public int Places { get; } = places;

    [Description("The most a venue may have.")]
    public int Limit { get; } = limit;
}

[Description("A seat lies further from the stage centre than `limit` metres on an axis (or its position is not a number): a unit mistake, usually centimetres for metres.")]
public sealed class SeatOutOfRangeException(string sectionName, string rowLabel, int number, double coordinate, double limit)
    : DomainException($"Seat {number} of row '{rowLabel}' in section '{sectionName}' would be at {coordinate} m; positions must be within ±{limit} m.")
{
    [Description("The section of the seat.")]
    public string SectionName { get; } = sectionName;

    [Description("The row of the seat.")]
    public string RowLabel { get; } = rowLabel;

    [Description("The seat's number.")]
    public int Number { get; } = number;

    [Description("The coordinate that is out of range, in metres.")]
    public double Coordinate { get; } = coordinate;

    [Description("The largest distance allowed, in metres.")]
    public double Limit { get; } = limit;
}
