using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Live;

namespace TicketMaster.Api.Events;

public sealed record PriceRange(Money Min, Money Max);

/// <summary>Seat counts of an event; a hold past its expiry counts as available.</summary>
public sealed record Availability(int Total, int Available, int Held, int Sold)
{
    public static readonly Availability None = new(0, 0, 0, 0);

    /// <summary>The schema's view of the counts the domain takes (<see cref="SeatCounting"/>, live messages).</summary>
    public static Availability From(SeatCounts counts) => new(counts.Total, counts.Available, counts.Held, counts.Sold);
}

/// <summary>A section of the event's venue with this event's price and free seats.</summary>
public sealed record EventSection(int EventId, int SectionId, string Name, int Position, Money Price);

/// <summary>One seat as the seat map of one event shows it.</summary>
public sealed record EventSeatView(
    int SeatId, int SectionId, string Section, string Row, int Number, double X, double Y, bool IsAccessible, SeatStatus Status, Money Price);
