namespace TicketMaster.Booking;

public enum HoldStatus
{
    Active,
    Confirmed,
    Released,
    Expired,
}
