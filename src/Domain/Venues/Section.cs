using TicketMaster.Common;

namespace TicketMaster.Venues;

/// <summary>A block of rows priced together (one price tier per event).</summary>
public sealed class Section
{
    private readonly List<SeatRow> _rows = [];

    private Section()
    {
    }

    internal Section(Venue venue, string name, int position)
    {
        Venue = venue;
        Name = name;
        Position = position;
    }

    public int Id { get; internal set; }

    public int VenueId { get; internal set; }

    public Venue? Venue { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Display order within the venue.</summary>
    public int Position { get; private set; }

    public IReadOnlyList<SeatRow> Rows => _rows;

    public int Capacity => _rows.Sum(row => row.Seats.Count);

    /// <summary>Adds the next row back from the stage; row positions count from 1 at the front.</summary>
    public SeatRow AddRow(string label)
    {
        var trimmed = Guard.NotBlank(label, nameof(label), 10);
        if (_rows.Any(row => string.Equals(row.Label, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DuplicateSeatMapEntryException($"Section '{Name}' already has a row '{trimmed}'.");
        }

        var added = new SeatRow(this, trimmed, _rows.Count + 1);
        _rows.Add(added);
        return added;
    }
}
