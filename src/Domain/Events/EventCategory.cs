namespace TicketMaster.Events;

public enum EventCategory
{
    Concert,
    Sports,
    Theatre,
    Comedy,
    Family,
    Other,
}
