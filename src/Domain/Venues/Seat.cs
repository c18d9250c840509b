using System.Globalization;

namespace TicketMaster.Venues;

/// <summary>A physical seat. What it costs and whether it is free is per event (see EventSeat).</summary>
public sealed class Seat
{
    private Seat()
    {
    }

    internal Seat(SeatRow row, int number, double x, double y, bool isAccessible)
    {
        Row = row;
        Section = row.Section;
        Number = number;
        Label = number.ToString(CultureInfo.InvariantCulture);
        X = x;
        Y = y;
        IsAccessible = isAccessible;
    }

    public int Id { get; internal set; }

    public int RowId { get; internal set; }

    /// <summary>Denormalised from the row so section-level queries need no join.</summary>
    public int SectionId { get; internal set; }

    public SeatRow? Row { get; private set; }

    public Section? Section { get; private set; }

    public int Number { get; private set; }

    public string Label { get; private set; } = "";

    public double X { get; private set; }

    public double Y { get; private set; }

    public bool IsAccessible { get; private set; }
}
