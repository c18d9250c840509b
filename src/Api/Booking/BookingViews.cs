using TicketMaster.Api.Events;
using TicketMaster.Api.GraphQL.Mutations;
using TicketMaster.Booking;
using TicketMaster.Common;

namespace TicketMaster.Api.Booking;

public sealed record SeatPlace(int SeatId, int SectionId, string Section, string Row, int Number, double X, double Y, bool IsAccessible)
{
    public EventSeatView As(SeatStatus status, decimal price) => new(SeatId, SectionId, Section, Row, Number, X, Y, IsAccessible, status, price);
}

/// <summary>Expected booking failures, as payload errors the client can switch on.</summary>
public sealed record BookingError(string Code, string Text, IReadOnlyList<int>? SeatIds = null) : UserError(Text);

internal static class BookingErrors
{
    public static BookingError From(DomainException error) => error switch
    {
        SeatsUnavailableException e => new BookingError(e.Code, e.Message, e.SeatIds.ToList()),
        SeatsNotInEventException e => new BookingError(e.Code, e.Message, e.SeatIds.ToList()),
        _ => new BookingError(error.Code, error.Message),
    };

    /// <summary>The GraphQL type name of each code, following Hot Chocolate's exception-to-error naming.</summary>
    public static readonly IReadOnlyDictionary<string, (string TypeName, string Description)> Types = new Dictionary<string, (string, string)>
    {
        ["SEAT_UNAVAILABLE"] = ("SeatsUnavailableError", "Some of the seats are held or sold; `seatIds` says which."),
        ["SEATS_NOT_IN_EVENT"] = ("SeatsNotInEventError", "Some seat ids are unknown or belong to another event; `seatIds` says which."),
        ["EVENT_NOT_FOUND"] = ("EventNotFoundError", "There is no such event."),
        ["EVENT_NOT_ON_SALE"] = ("EventNotOnSaleError", "The event is not on sale (draft, sold out, cancelled or over)."),
        ["TOO_MANY_SEATS"] = ("TooManySeatsError", "A reservation holds at most `limit` seats."),
        ["TOO_MANY_HOLDS"] = ("TooManyReservationsError", "You have as many active reservations for this event as allowed."),
        ["NO_SEATS"] = ("NoSeatsError", "A reservation needs at least one seat."),
        ["NOT_ENOUGH_SEATS"] = ("NotEnoughSeatsError", "Fewer seats than asked for are free with these conditions."),
        ["RESERVATION_NOT_FOUND"] = ("ReservationNotFoundError", "There is no such reservation."),
        ["HOLD_EXPIRED"] = ("ReservationExpiredError", "The reservation ran out; reserve again."),
        ["HOLD_NOT_OWNED"] = ("NotYourReservationError", "The reservation belongs to someone else."),
        ["HOLD_ALREADY_CONFIRMED"] = ("ReservationAlreadyConfirmedError", "The reservation is already an order."),
        ["HOLD_NOT_ACTIVE"] = ("ReservationNotActiveError", "The reservation was released or has ended."),
        ["PAYMENT_DECLINED"] = ("PaymentDeclinedError", "The payment was declined; the seats stay held until the reservation expires."),
        ["PAYMENT_FAILED"] = ("PaymentFailedError", "The payment processor failed or did not answer; nothing was charged. Retry with a new idempotency key."),
        ["TRY_AGAIN"] = ("TryAgainError", "The seats were too contended to settle in time; nothing changed, and retrying is safe."),
        ["IDEMPOTENCY_KEY_REUSED"] = ("IdempotencyKeyReusedError", "This idempotency key was used for a different request."),
        ["CONFIRMATION_IN_PROGRESS"] = ("ConfirmationInProgressError", "Another request with this key is confirming the reservation; retry shortly."),
    };
}
