using TicketMaster.Api.Venues;
using TicketMaster.Booking;

namespace TicketMaster.Api.Tests.Venues;

/// <summary>The compact seat map's encoding, without a host: ranges, shapes and the fallback to points.</summary>
public sealed class SeatMapLayoutTests
{
    [Fact]
    public void Ranges_keep_the_order_and_break_at_every_gap()
    {
        Assert.Equal("1-3,5,7-8", SeatMapLayout.Ranges([1, 2, 3, 5, 7, 8]));
        Assert.Equal("10,4-5", SeatMapLayout.Ranges([10, 4, 5]));
        Assert.Equal("", SeatMapLayout.Ranges([]));
    }

    [Fact]
    public void Curved_rows_are_sent_as_a_shape_that_draws_every_seat_within_five_centimetres()
    {
        // Rows on concentric arcs, as the demo stadium's bowls: 6 rows of 20 seats over 18 degrees.
        var seats = Section(rows: 6, seatsPerRow: 20, (r, s) =>
        {
            var angle = (10 + ((s - 0.5) * 18 / 20)) * Math.PI / 180;
            return (Math.Round((70 + r) * Math.Cos(angle), 2), Math.Round((50 + r) * Math.Sin(angle), 2));
        });

        var section = Assert.Single(SeatMapLayout.Build(seats));

        Assert.NotNull(section.Shape);
        Assert.Null(section.Points);
        foreach (var (seat, k) in seats.Select((seat, k) => (seat, k)))
        {
            var drawn = section.Shape.Seat(k / 20, 6, k % 20, 20);
            Assert.InRange(Math.Abs(drawn.X - seat.X), 0, SeatMapLayout.Tolerance);
            Assert.InRange(Math.Abs(drawn.Y - seat.Y), 0, SeatMapLayout.Tolerance);
        }
    }

    [Fact]
    public void A_section_no_shape_fits_sends_every_seats_position()
    {
        // A zig-zag row: no curve passes near every seat.
        var seats = Section(rows: 2, seatsPerRow: 5, (r, s) => (s, r + (s % 2 * 0.6)));

        var section = Assert.Single(SeatMapLayout.Build(seats));

        Assert.Null(section.Shape);
        Assert.Equal(seats.SelectMany(s => new[] { s.X, s.Y }), section.Points);
    }

    [Fact]
    public void Rows_carry_their_numbers_and_statuses_and_the_section_its_keys_in_map_order()
    {
        var seats = new List<MapSeat>
        {
            new(7, "Stalls", 1, "A", 100, 1, 0, 0, true, SeatStatus.Held),
            new(7, "Stalls", 1, "A", 101, 2, 1, 0, false, SeatStatus.Available),
            new(7, "Stalls", 1, "A", 102, 4, 2, 0, false, SeatStatus.Sold),
            new(7, "Stalls", 2, "B", 200, 1, 0, 1, true, SeatStatus.Available),
        };

        var section = Assert.Single(SeatMapLayout.Build(seats));

        Assert.Equal(("100-102,200", "100,200"), (section.SeatKeys, section.AccessibleSeatKeys));
        Assert.Equal([new MapRow("A", "1-2,4", "HAS"), new MapRow("B", "1", "A")], section.Rows);
    }

    private static List<MapSeat> Section(int rows, int seatsPerRow, Func<int, int, (double X, double Y)> position) =>
        [.. Enumerable.Range(1, rows).SelectMany(r => Enumerable.Range(1, seatsPerRow).Select(s =>
        {
            var (x, y) = position(r, s);
            return new MapSeat(1, "101", r, r.ToString(System.Globalization.CultureInfo.InvariantCulture), (r * 100) + s, s, x, y, false, SeatStatus.Available);
        }))];
}
