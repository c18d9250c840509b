namespace TicketMaster.Booking;

public enum SeatStatus : byte
{
    Available = 0,
    Held = 1,
    Sold = 2,
}
