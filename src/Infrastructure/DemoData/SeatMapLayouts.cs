using System.Globalization;
using TicketMaster.Venues;

namespace TicketMaster.DemoData;

internal enum VenueKind
{
    Stadium,
    Arena,
    Theatre,
    ConcertHall,
    Club,
}

/// <summary>A generated venue and how expensive each section is relative to the event's base price.</summary>
internal sealed record DemoVenue(Venue Venue, VenueKind Kind, DemoCity City, IReadOnlyDictionary<Section, decimal> PriceFactors);

/// <summary>
/// Seat maps with real geometry: x/y in metres from the stage or pitch centre, rows numbered
/// from the front, so a client can draw the map and "best available" can prefer front rows.
/// </summary>
internal static class SeatMapLayouts
{
    public static Dictionary<Section, decimal> Build(Venue venue, VenueKind kind, Random random)
    {
        var factors = new Dictionary<Section, decimal>();
        switch (kind)
        {
            case VenueKind.Stadium:
                // ~22,500 seats: a lower bowl, club boxes along the sidelines, an upper bowl.
                Ring(venue, factors, "", 101, 20, rows: 20, seatsPerRow: 24, innerA: 70, innerB: 50, depth: 0.9, from: 0, to: 360, SidelineFactor(1.4m, 1.0m));
                Ring(venue, factors, "Club ", 1, 4, rows: 8, seatsPerRow: 20, innerA: 90, innerB: 70, depth: 0.9, from: 60, to: 120, _ => 2.0m);
                Ring(venue, factors, "Club ", 5, 4, rows: 8, seatsPerRow: 20, innerA: 90, innerB: 70, depth: 0.9, from: 240, to: 300, _ => 2.0m);
                Ring(venue, factors, "", 301, 24, rows: 22, seatsPerRow: 22, innerA: 105, innerB: 85, depth: 1.0, from: 0, to: 360, SidelineFactor(0.75m, 0.6m));
                break;
            case VenueKind.Arena:
                // ~9,400 seats: a seated floor in front of the stage, lower and upper bowls.
                for (var block = 0; block < 4; block++)
                {
                    Block(venue, factors, $"Floor {(char)('A' + block)}", rows: 20, seatsPerRow: 25, left: -28 + (block * 14), front: -8, 1.6m);
                }

                Ring(venue, factors, "", 101, 16, rows: 15, seatsPerRow: 18, innerA: 45, innerB: 35, depth: 0.8, from: 0, to: 360, SidelineFactor(1.2m, 1.0m));
                Ring(venue, factors, "", 201, 16, rows: 12, seatsPerRow: 16, innerA: 60, innerB: 50, depth: 0.9, from: 0, to: 360, SidelineFactor(0.8m, 0.65m));
                break;
            case VenueKind.Theatre:
                // ~2,500 seats: orchestra, mezzanine and balcony in three blocks each, plus boxes.
                Tier(venue, factors, "Orchestra", rows: 24, widths: (12, 20, 12), front: 4, (1.2m, 1.5m));
                Tier(venue, factors, "Mezzanine", rows: 12, widths: (12, 22, 12), front: 32, (1.0m, 1.3m));
                Tier(venue, factors, "Balcony", rows: 16, widths: (14, 24, 14), front: 46, (0.6m, 0.7m));
                for (var box = 0; box < 4; box++)
                {
                    var side = box < 2 ? -1 : 1;
                    Block(venue, factors, $"Box {(char)('A' + box)}", rows: 2, seatsPerRow: 6, left: (side * 22) - 3, front: 6 + ((box % 2) * 4), 1.8m);
                }

                break;
            case VenueKind.ConcertHall:
                Block(venue, factors, "Stalls", rows: random.Next(18, 27), seatsPerRow: random.Next(24, 35), left: -16, front: 4, 1.2m);
                Block(venue, factors, "Circle", rows: random.Next(8, 13), seatsPerRow: random.Next(24, 31), left: -15, front: 30, 0.9m);
                break;
            case VenueKind.Club:
                Block(venue, factors, "Floor", rows: random.Next(10, 19), seatsPerRow: random.Next(18, 29), left: -12, front: 3, 1.0m);
                Block(venue, factors, "Balcony", rows: random.Next(4, 9), seatsPerRow: random.Next(16, 25), left: -10, front: 20, 1.3m);
                break;
        }

        return factors;
    }

    /// <summary>Row labels as theatres print them: A–Z without I and O, then AA, BB, …</summary>
    public static string RowLabel(int position)
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        var letter = letters[(position - 1) % letters.Length];
        return new string(letter, ((position - 1) / letters.Length) + 1);
    }

    private static Func<double, decimal> SidelineFactor(decimal sideline, decimal end) =>
        angle => Math.Abs(Math.Cos(angle * Math.PI / 180)) < 0.5 ? sideline : end;

    /// <summary>Sections evenly spread around an ellipse (a bowl); rows step outwards.</summary>
    private static void Ring(
        Venue venue, Dictionary<Section, decimal> factors, string prefix, int firstNumber, int count, int rows, int seatsPerRow,
        double innerA, double innerB, double depth, double from, double to, Func<double, decimal> factorAtAngle)
    {
        var span = (to - from) / count;
        for (var i = 0; i < count; i++)
        {
            var start = from + (i * span);
            var section = venue.AddSection(prefix + (firstNumber + i).ToString(CultureInfo.InvariantCulture));
            factors[section] = factorAtAngle(start + (span / 2));
            for (var r = 1; r <= rows; r++)
            {
                var row = section.AddRow(r.ToString(CultureInfo.InvariantCulture));
                var a = innerA + (r * depth);
                var b = innerB + (r * depth);
                for (var s = 1; s <= seatsPerRow; s++)
                {
                    var angle = (start + ((s - 0.5) * span / seatsPerRow)) * Math.PI / 180;
                    row.AddSeat(s, Math.Round(a * Math.Cos(angle), 2), Math.Round(b * Math.Sin(angle), 2), isAccessible: r == 1 && (s <= 2 || s > seatsPerRow - 2));
                }
            }
        }
    }

    /// <summary>A rectangular block facing the stage; the aisle seats of the front row are accessible.</summary>
    private static void Block(
        Venue venue, Dictionary<Section, decimal> factors, string name, int rows, int seatsPerRow, double left, double front, decimal factor)
    {
        const double seatPitch = 0.55;
        const double rowPitch = 0.9;
        var section = venue.AddSection(name);
        factors[section] = factor;
        for (var r = 1; r <= rows; r++)
        {
            var row = section.AddRow(RowLabel(r));
            for (var s = 1; s <= seatsPerRow; s++)
            {
                row.AddSeat(s, Math.Round(left + ((s - 1) * seatPitch), 2), Math.Round(front + ((r - 1) * rowPitch), 2), isAccessible: r == 1 && (s == 1 || s == seatsPerRow));
            }
        }
    }

    /// <summary>A theatre tier: left, centre and right blocks with gently curved rows.</summary>
    private static void Tier(
        Venue venue, Dictionary<Section, decimal> factors, string name, int rows, (int Side, int Centre, int Other) widths, double front,
        (decimal Side, decimal Centre) prices)
    {
        const double seatPitch = 0.52;
        const double rowPitch = 0.95;
        var blocks = new (string Name, int Seats, double Left, decimal Factor)[]
        {
            ($"{name} Left", widths.Side, -((widths.Centre / 2.0) + widths.Side + 2) * seatPitch, prices.Side),
            ($"{name} Centre", widths.Centre, -(widths.Centre / 2.0) * seatPitch, prices.Centre),
            ($"{name} Right", widths.Other, ((widths.Centre / 2.0) + 2) * seatPitch, prices.Side),
        };
        foreach (var block in blocks)
        {
            var section = venue.AddSection(block.Name);
            factors[section] = block.Factor;
            for (var r = 1; r <= rows; r++)
            {
                var row = section.AddRow(RowLabel(r));
                for (var s = 1; s <= block.Seats; s++)
                {
                    var x = block.Left + ((s - 1) * seatPitch);
                    var y = front + ((r - 1) * rowPitch) + (0.004 * x * x);
                    row.AddSeat(s, Math.Round(x, 2), Math.Round(y, 2), isAccessible: r == rows && (s == 1 || s == block.Seats));
                }
            }
        }
    }
}
