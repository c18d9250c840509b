using TicketMaster.Api.Events;
using TicketMaster.Booking;
using TicketMaster.Common;

namespace TicketMaster.Api.Booking;

public sealed record SeatPlace(int SeatId, int SectionId, string Section, string Row, int Number, double X, double Y, bool IsAccessible)
{
    public EventSeatView As(SeatStatus status, Money price) => new(SeatId, SectionId, Section, Row, Number, X, Y, IsAccessible, status, price);
}
