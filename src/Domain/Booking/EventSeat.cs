using System.Linq.Expressions;
using TicketMaster.Common;

namespace TicketMaster.Booking;

/// <summary>
/// Inventory: one row per (event, seat), keyed by both so the booking path's locking reads
/// hit the primary key. A hold past its expiry counts as available even before cleanup runs.
/// </summary>
public sealed class EventSeat : Common.Entity
{
    /// <summary>
    /// The rule "an expired hold counts as free", written once: a seat is free at <c>now</c> when it
    /// was never held or its hold has run out, a hold expiring exactly now included, whether or not
    /// the sweep has released it yet. EF queries use it through <see cref="Rules"/>
    /// (<c>EventSeat.IsAvailable.At(now)</c>), in-memory code through <see cref="IsAvailableAt"/>.
    /// </summary>
    public static readonly Expression<Func<EventSeat, DateTime, bool>> IsAvailable =
        (seat, now) => seat.Status == SeatStatus.Available || (seat.Status == SeatStatus.Held && seat.HoldExpiresAt <= now);

    /// <summary>The status a buyer sees at <c>now</c>: an expired hold shows as available.</summary>
    public static readonly Expression<Func<EventSeat, DateTime, SeatStatus>> StatusSeen =
        Rules.Expand((EventSeat seat, DateTime now) => IsAvailable.Invoke(seat, now) ? SeatStatus.Available : seat.Status);

    // Compiled once: the booking path checks every seat it locks.
    private static readonly Func<EventSeat, DateTime, bool> IsAvailableCompiled = IsAvailable.Compile();
    private static readonly Func<EventSeat, DateTime, SeatStatus> StatusSeenCompiled = StatusSeen.Compile();

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

    /// <summary>See <see cref="IsAvailable"/>.</summary>
    public bool IsAvailableAt(DateTime now) => IsAvailableCompiled(this, now);

    /// <summary>See <see cref="StatusSeen"/>.</summary>
    public SeatStatus StatusAt(DateTime now) => StatusSeenCompiled(this, now);

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

    /// <summary>Keeps the seat for its hold until <paramref name="until"/> (the hold was extended for 3-D Secure); false when the hold no longer has it.</summary>
    public bool ExtendHold(Guid holdId, DateTime until)
    {
        if (Status != SeatStatus.Held || HoldId != holdId)
        {
            return false;
        }

        HoldExpiresAt = until;
        Record(() => new SeatStatusChanged(EventId, SeatId, SectionId, SeatStatus.Held, holdId));
        return true;
    }

    /// <summary>Puts a sold seat back on sale after its ticket was refunded; false when this order no longer has it.</summary>
    public bool ReturnToSale(Guid orderId, Guid holdId)
    {
        if (Status != SeatStatus.Sold || OrderId != orderId)
        {
            return false;
        }

        Status = SeatStatus.Available;
        HoldId = null;
        OrderId = null;
        HoldExpiresAt = null;
        Record(() => new SeatStatusChanged(EventId, SeatId, SectionId, SeatStatus.Available, holdId));
        return true;
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
