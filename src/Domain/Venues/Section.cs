using TicketMaster.Common;

namespace TicketMaster.Venues;

/// <summary>A block of rows priced together (one price tier per event).</summary>
public sealed class Section
{
    private readonly List<SeatRow> _rows = [];

    private Section()
    {
    }

    internal Section(Venue venue, string name, int position, bool isStanding)
    {
        Venue = venue;
        Name = name;
        Position = position;
        IsStanding = isStanding;
    }

    /// <summary>The rule "this section is in the venue's current map", for queries.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Section, bool>> IsCurrent = section => section.RetiredAt == null;

    public int Id { get; internal set; }

    public int VenueId { get; internal set; }

    public Venue? Venue { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Display order within the venue.</summary>
    public int Position { get; private set; }

    /// <summary>
    /// A standing area: its places are unnumbered admission places (one row, "GA"), sold like seats
    /// so inventory, holds and tickets need no second model.
    /// </summary>
    public bool IsStanding { get; private set; }

    /// <summary>
    /// When a new seat map replaced this section while events used it. Those events keep it (their
    /// inventory and tickets point at its seats); new events get the venue's current sections only.
    /// </summary>
    public DateTime? RetiredAt { get; internal set; }

    public IReadOnlyList<SeatRow> Rows => _rows;

    public int Capacity => _rows.Sum(row => row.Seats.Count);

    /// <summary>Adds the next row back from the stage; row positions count from 1 at the front.</summary>
    public SeatRow AddRow(string label)
    {
        var trimmed = Guard.NotBlank(label, nameof(label), 10);
        if (_rows.Any(row => string.Equals(row.Label, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DuplicateSeatMapEntryException($"{Name} / {trimmed}", $"Section '{Name}' already has a row '{trimmed}'.");
        }

        var added = new SeatRow(this, trimmed, _rows.Count + 1);
        _rows.Add(added);
        return added;
    }
}
