namespace TicketMaster.Booking;

/// <summary>
/// The seats a hold asked for. Kept even after the hold ends, because the inventory row's
/// hold id is overwritten when the seat is held again.
/// </summary>
public sealed class HoldSeat
{
    private HoldSeat()
    {
    }

    internal HoldSeat(Guid holdId, int eventId, int seatId, decimal? price)
    {
        Price = price;
        HoldId = holdId;
        EventId = eventId;
        SeatId = seatId;
    }

    public Guid HoldId { get; private set; }

    public int EventId { get; private set; }

    public int SeatId { get; private set; }

    /// <summary>
    /// The seat's price when it was held: what its ticket costs, whatever the organizer charges for
    /// the seat by the time the payment completes (issue #14). Null on holds older than it.
    /// </summary>
    public decimal? Price { get; private set; }
}
