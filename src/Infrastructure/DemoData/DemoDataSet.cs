using TicketMaster.Booking;
using TicketMaster.Events;
using TicketMaster.Performers;
using TicketMaster.Users;
using TicketMaster.Venues;

namespace TicketMaster.DemoData;

/// <summary>Everything the generator made, keys assigned, ready to bulk-load.</summary>
public sealed class DemoDataSet
{
    public required IReadOnlyList<User> Users { get; init; }

    public required IReadOnlyList<Venue> Venues { get; init; }

    public required IReadOnlyList<Performer> Performers { get; init; }

    public required IReadOnlyList<Event> Events { get; init; }

    /// <summary>Streamed, not stored: the large set has millions of rows.</summary>
    public IEnumerable<EventSeat> Inventory() => Events.SelectMany(e => e.CreateInventory(e.Venue!));
}

public sealed record DemoDataCounts(int Users, int Venues, int Seats, int Performers, int Events, int InventoryRows);
