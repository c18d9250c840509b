using System.Globalization;
using System.Text;
using TicketMaster.Booking;

namespace TicketMaster.Api.Venues;

/// <summary>One seat as the compact seat map reads it; a venue's map has no status (null).</summary>
public sealed record MapSeat(
    int SectionId, string SectionName, int RowId, string RowLabel, int SeatId, int Number, double X, double Y, bool IsAccessible, SeatStatus? Status);

/// <summary>A point on the venue map, in metres from the stage or pitch centre.</summary>
public readonly record struct MapPoint(double X, double Y);

/// <summary>A quadratic Bézier curve: seats of a row sit at evenly spaced parameters along it.</summary>
public sealed record MapCurve(MapPoint Start, MapPoint Control, MapPoint End)
{
    public MapPoint At(double t) => new(
        ((1 - t) * (1 - t) * Start.X) + (2 * (1 - t) * t * Control.X) + (t * t * End.X),
        ((1 - t) * (1 - t) * Start.Y) + (2 * (1 - t) * t * Control.Y) + (t * t * End.Y));
}

/// <summary>A section drawn between its front row's curve and its back row's; the rows between are interpolated.</summary>
public sealed record MapShape(MapCurve Front, MapCurve Back)
{
    /// <summary>Where seat <paramref name="index"/> of <paramref name="count"/> in row <paramref name="row"/> of <paramref name="rows"/> (all from 0) is drawn.</summary>
    public MapPoint Seat(int row, int rows, int index, int count)
    {
        var u = rows == 1 ? 0 : (double)row / (rows - 1);
        var t = count == 1 ? 0.5 : (double)index / (count - 1);
        var front = Front.At(t);
        var back = Back.At(t);
        return new MapPoint(((1 - u) * front.X) + (u * back.X), ((1 - u) * front.Y) + (u * back.Y));
    }
}

/// <summary>A section of the compact seat map; <see cref="Shape"/> or <see cref="Points"/> places its seats, never both.</summary>
public sealed record MapSection(
    int SectionId, string Name, string SeatKeys, string AccessibleSeatKeys, MapShape? Shape, IReadOnlyList<double>? Points, IReadOnlyList<MapRow> Rows);

/// <summary>A row of the compact seat map: its seat numbers as ranges, and on an event's map one status letter per seat.</summary>
public sealed record MapRow(string Label, string Numbers, string? Statuses);

/// <summary>
/// Writes a seat map compactly enough to send a 100,000-seat venue in one response: per row a
/// label, its seat numbers as ranges and one status letter per seat; per section the seat keys as
/// ranges and, where the layout allows, a shape (two curves) that places every seat within
/// <see cref="Tolerance"/> of its position, else every seat's x/y. Pure, so it is tested without a host.
/// </summary>
public static class SeatMapLayout
{
    /// <summary>How far a seat drawn from its section's shape may be from its stored position, in metres.</summary>
    public const double Tolerance = 0.05;

    /// <summary>The letters of <c>SeatMapRow.statuses</c>.</summary>
    public static char Letter(SeatStatus status) => status switch
    {
        SeatStatus.Available => 'A',
        SeatStatus.Held => 'H',
        SeatStatus.Sold => 'S',
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <param name="seats">Every seat of the map in map order: sections, then rows front to back, then seat numbers.</param>
    public static List<MapSection> Build(IEnumerable<MapSeat> seats) =>
        seats.GroupBy(s => s.SectionId).Select(Section).ToList();

    private static MapSection Section(IGrouping<int, MapSeat> section)
    {
        var rows = section.GroupBy(s => s.RowId).Select(r => r.ToList()).ToList();
        var all = rows.SelectMany(r => r).ToList();
        var shape = Fit(rows);
        return new MapSection(
            section.Key,
            all[0].SectionName,
            Ranges(all.Select(s => s.SeatId)),
            Ranges(all.Where(s => s.IsAccessible).Select(s => s.SeatId)),
            shape,
            shape is null ? all.SelectMany(s => new[] { s.X, s.Y }).ToList() : null,
            rows.Select(r => new MapRow(
                r[0].RowLabel,
                Ranges(r.Select(s => s.Number)),
                r[0].Status is null ? null : string.Concat(r.Select(s => Letter(s.Status!.Value))))).ToList());
    }

    /// <summary>The front and back rows' curves, when interpolating between them places every seat within the tolerance.</summary>
    private static MapShape? Fit(List<List<MapSeat>> rows)
    {
        var shape = new MapShape(Curve(rows[0]), Curve(rows[^1]));
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < rows[r].Count; i++)
            {
                var drawn = shape.Seat(r, rows.Count, i, rows[r].Count);
                if (Math.Abs(drawn.X - rows[r][i].X) > Tolerance || Math.Abs(drawn.Y - rows[r][i].Y) > Tolerance)
                {
                    return null;
                }
            }
        }

        return shape;
    }

    /// <summary>
    /// Through the row's first and last seats, with the control point that fits the seats between
    /// best (least squares); rounded to centimetres, as the positions are stored.
    /// </summary>
    private static MapCurve Curve(List<MapSeat> row)
    {
        var start = new MapPoint(row[0].X, row[0].Y);
        var end = new MapPoint(row[^1].X, row[^1].Y);
        double weights = 0, x = 0, y = 0;
        for (var i = 1; i < row.Count - 1; i++)
        {
            var t = (double)i / (row.Count - 1);
            var w = 2 * (1 - t) * t;
            x += w * (row[i].X - ((1 - t) * (1 - t) * start.X) - (t * t * end.X));
            y += w * (row[i].Y - ((1 - t) * (1 - t) * start.Y) - (t * t * end.Y));
            weights += w * w;
        }

        var control = weights == 0 ? new MapPoint((start.X + end.X) / 2, (start.Y + end.Y) / 2) : new MapPoint(x / weights, y / weights);
        return new MapCurve(start, new MapPoint(Math.Round(control.X, 2), Math.Round(control.Y, 2)), end);
    }

    /// <summary>Integers in their order as ranges: "1-24", "63788-64267,64300", "" for none.</summary>
    public static string Ranges(IEnumerable<int> values)
    {
        var text = new StringBuilder();
        int? first = null, last = null;
        foreach (var value in values)
        {
            if (last is not null && value == last + 1)
            {
                last = value;
                continue;
            }

            Append(text, first, last);
            first = last = value;
        }

        Append(text, first, last);
        return text.ToString();
    }

    private static void Append(StringBuilder text, int? first, int? last)
    {
        if (first is null)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(',');
        }

        text.Append(first.Value.ToString(CultureInfo.InvariantCulture));
        if (last != first)
        {
            text.Append('-').Append(last!.Value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
