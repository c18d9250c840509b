using TicketMaster.Common;

namespace TicketMaster.Venues;

public sealed class SeatRow
{
    private readonly List<Seat> _seats = [];

    private SeatRow()
    {
    }

    internal SeatRow(Section section, string label, int position)
    {
        Section = section;
        Label = label;
        Position = position;
    }

    public int Id { get; internal set; }

    public int SectionId { get; internal set; }

    public Section? Section { get; private set; }

    public string Label { get; private set; } = "";

    /// <summary>1 is the row closest to the stage; "best available" prefers low positions.</summary>
    public int Position { get; private set; }

    public IReadOnlyList<Seat> Seats => _seats;

    /// <param name="number">Seat number within the row; adjacent numbers are adjacent seats.</param>
    /// <param name="x">Horizontal position on the venue map, in metres from the stage centre.</param>
    /// <param name="y">Vertical position on the venue map, in metres from the stage centre.</param>
    public Seat AddSeat(int number, double x, double y, bool isAccessible = false)
    {
        if (number <= 0)
        {
            throw new InvalidFieldException(nameof(number), "must be positive");
        }

        if (_seats.Any(seat => seat.Number == number))
        {
            throw new DuplicateSeatMapEntryException($"{Section?.Name} / {Label} / {number}", $"Row '{Label}' of section '{Section?.Name}' already has a seat {number}.");
        }

        var added = new Seat(this, number, x, y, isAccessible);
        _seats.Add(added);
        return added;
    }
}
