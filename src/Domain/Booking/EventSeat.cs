namespace TicketMaster.Booking;

/// <summary>
/// Inventory: one row per (event, seat), keyed by both so the booking path's locking reads
/// hit the primary key. A hold past its expiry counts as available even before cleanup runs.
/// </summary>
public sealed class EventSeat : Common.Entity
{
    private EventSeat()
    {
    }

    internal EventSeat(int eventId, int seatId, int sectionId, decimal price)
    {
        EventId = eventId;
        SeatId = seatId;
        SectionId = sectionId;
        Price = price;
        Status = SeatStatus.Available;
    }

    /// <summary>A row as the booking path's locking read returns it (BookingSql).</summary>
    internal static EventSeat Read(int eventId, int seatId, int sectionId, decimal price, SeatStatus status, Guid? holdId, DateTime? holdExpiresAt, Guid? orderId) =>
        new(eventId, seatId, sectionId, price) { Status = status, HoldId = holdId, HoldExpiresAt = holdExpiresAt, OrderId = orderId };

    public int EventId { get; private set; }

    public int SeatId { get; private set; }

    /// <summary>Denormalised from the seat so per-section availability is one index range.</summary>
    public int SectionId { get; private set; }

    public decimal Price { get; private set; }

    public SeatStatus Status { get; private set; }

    public Guid? HoldId { get; private set; }

    public DateTime? HoldExpiresAt { get; private set; }

    public Guid? OrderId { get; private set; }

    public bool IsAvailableAt(DateTime now) =>
        Status == SeatStatus.Available || (Status == SeatStatus.Held && HoldExpiresAt <= now);

    /// <summary>The status a buyer sees at <paramref name="now"/>: an expired hold shows as available.</summary>
    public SeatStatus StatusAt(DateTime now) => IsAvailableAt(now) ? SeatStatus.Available : Status;

    public void PlaceHold(Guid holdId, DateTime expiresAt, DateTime now)
    {
        if (!IsAvailableAt(now))
        {
            throw new SeatsUnavailableException(EventId, [SeatId]);
        }

        Status = SeatStatus.Held;
        HoldId = holdId;
        HoldExpiresAt = expiresAt;
        Record(() => new SeatStatusChanged(EventId, SeatId, SectionId, SeatStatus.Held, holdId));
    }

    public void Sell(Guid holdId, Guid orderId)
    {
        if (Status != SeatStatus.Held || HoldId != holdId)
        {
            throw new SeatsUnavailableException(EventId, [SeatId]);
        }

        Status = SeatStatus.Sold;
        OrderId = orderId;
        HoldExpiresAt = null;
        Record(() => new SeatStatusChanged(EventId, SeatId, SectionId, SeatStatus.Sold, holdId));
    }

    /// <summary>Frees the seat if, and only if, this hold still has it.</summary>
    public bool ReleaseHold(Guid holdId)
    {
        if (Status != SeatStatus.Held || HoldId != holdId)
        {
            return false;
        }

        Status = SeatStatus.Available;
        HoldId = null;
        HoldExpiresAt = null;
        Record(() => new SeatStatusChanged(EventId, SeatId, SectionId, SeatStatus.Available, holdId));
        return true;
    }
}
