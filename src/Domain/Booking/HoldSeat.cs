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

    internal HoldSeat(Guid holdId, int eventId, int seatId)
    {
        HoldId = holdId;
        EventId = eventId;
        SeatId = seatId;
    }

    public Guid HoldId { get; private set; }

    public int EventId { get; private set; }

    public int SeatId { get; private set; }
}
