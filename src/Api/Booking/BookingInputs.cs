using System.ComponentModel;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Api.Venues;

namespace TicketMaster.Api.Booking;

[Description("Which seats of which event to hold.")]
public sealed record ReserveSeatsInput(
    [property: Id(EventType.TypeName), Description("The event to reserve at.")] int EventId,
    [property: Id(SeatType.TypeName), Description("Seat ids from `Event.seats`; all are held, or none.")] IReadOnlyList<int> SeatIds,
    [property: Description(AdmissionPassField.Description)] string? AdmissionPass = null);

[Description("How many seats to hold, and the limits on where they may be; the server picks the seats.")]
public sealed record ReserveBestAvailableInput(
    [property: Id(EventType.TypeName), Description("The event to reserve at.")] int EventId,
    [property: Description("How many seats, together when possible.")] int Quantity,
    [property: Id(SectionType.TypeName), Description("Only seats in this section.")] int? SectionId,
    [property: global::GraphQL.InputType<MoneyInputType>, Description("Only seats at this price or less, in the event's currency (`Event.currency`); another currency is a `PriceInOtherCurrencyError`.")] MoneyInput? MaxPrice,
    [property: Description(AdmissionPassField.Description)] string? AdmissionPass = null);

[Description("The reservation to buy, and how to pay for it.")]
public sealed record ConfirmReservationInput(
    [property: Id(ReservationType.TypeName), Description("The reservation to pay for.")] Guid ReservationId,
    [property: Description("From the payment form; the simulated gateway takes tok_visa, tok_chargeDeclined, tok_timeout, tok_answerLost and tok_threeDSecureRequired.")] string PaymentToken,
    [property: Description("A fresh key per purchase attempt; retrying with the same key never charges twice.")] string IdempotencyKey);

[Description("The reservation to give back.")]
public sealed record ReleaseReservationInput(
    [property: Id(ReservationType.TypeName), Description("The reservation to release.")] Guid ReservationId);

[Description("Which order's tickets to refund, why, and whether their seats go back on sale.")]
public sealed record RefundOrderInput(
    [property: Id(OrderType.TypeName), Description("The order to refund.")] Guid OrderId,
    [property: Id(TicketType.TypeName), Description("Only these tickets of the order; all of them when omitted.")] IReadOnlyList<Guid>? TicketIds,
    [property: Description("Why, in words the buyer will read with the refund (at most 500 characters).")] string Reason,
    [property: Description("False keeps the refunded seats off sale (e.g. a seat found broken); true by default.")] bool? ReleaseSeats) : IOrderScoped;

internal static class AdmissionPassField
{
    public const string Description =
        "Only for an event whose waiting room is on (`waitingRoom(eventId:)` is not null): `QueueTicket.admissionPass` once your place is ADMITTED. Ignored otherwise.";
}
