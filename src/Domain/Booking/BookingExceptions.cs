using TicketMaster.Common;

namespace TicketMaster.Booking;

public sealed class SeatsUnavailableException(int eventId, IReadOnlyCollection<int> seatIds)
    : DomainException("SEAT_UNAVAILABLE", $"Seats {string.Join(", ", seatIds)} of event {eventId} are not available.")
{
    public int EventId { get; } = eventId;

    public IReadOnlyCollection<int> SeatIds { get; } = seatIds;
}

public sealed class HoldExpiredException(Guid holdId)
    : DomainException("HOLD_EXPIRED", $"Reservation {holdId} has expired; reserve the seats again.");

public sealed class HoldNotOwnedException(Guid holdId)
    : DomainException("HOLD_NOT_OWNED", $"Reservation {holdId} belongs to someone else.");

public sealed class HoldAlreadyConfirmedException(Guid holdId)
    : DomainException("HOLD_ALREADY_CONFIRMED", $"Reservation {holdId} is already confirmed.");

public sealed class HoldNotActiveException(Guid holdId, HoldStatus status)
    : DomainException("HOLD_NOT_ACTIVE", $"Reservation {holdId} is {status}.");

public sealed class EmptyHoldException()
    : DomainException("NO_SEATS", "A reservation needs at least one seat.");

public sealed class EventNotFoundException(int eventId)
    : DomainException("EVENT_NOT_FOUND", $"There is no event {eventId}.");

public sealed class EventNotOnSaleException(int eventId, Events.EventStatus status)
    : DomainException("EVENT_NOT_ON_SALE", $"Event {eventId} is {status}, not on sale.");

public sealed class TooManySeatsException(int requested, int limit)
    : DomainException("TOO_MANY_SEATS", $"A reservation holds at most {limit} seats; {requested} were asked for.");

public sealed class TooManyHoldsException(int eventId, int limit)
    : DomainException("TOO_MANY_HOLDS", $"You already have {limit} active reservations for event {eventId}; confirm or release one first.");

/// <summary>Seat ids that are not seats of this event: unknown, or another event's.</summary>
public sealed class SeatsNotInEventException(int eventId, IReadOnlyCollection<int> seatIds)
    : DomainException("SEATS_NOT_IN_EVENT", $"Seats {string.Join(", ", seatIds)} are not seats of event {eventId}.")
{
    public IReadOnlyCollection<int> SeatIds { get; } = seatIds;
}

public sealed class HoldNotFoundException(Guid holdId)
    : DomainException("RESERVATION_NOT_FOUND", $"There is no reservation {holdId}.");

public sealed class PaymentDeclinedException(string reason)
    : DomainException("PAYMENT_DECLINED", $"The payment was declined: {reason}");

public sealed class IdempotencyKeyReusedException(string key)
    : DomainException("IDEMPOTENCY_KEY_REUSED", $"The idempotency key '{key}' was already used for a different request; use a new key.");

public sealed class ConfirmationInProgressException(Guid holdId)
    : DomainException("CONFIRMATION_IN_PROGRESS", $"Reservation {holdId} is being confirmed by another request with this key; retry shortly.");

public sealed class NotEnoughSeatsException(int eventId, int quantity)
    : DomainException("NOT_ENOUGH_SEATS", $"Event {eventId} has fewer than {quantity} free seats matching your choice.");

public sealed class PaymentFailedException(string reason)
    : DomainException("PAYMENT_FAILED", $"The payment could not be completed: {reason} Try again with a new idempotency key.");

/// <summary>Deadlocks or lock waits outlasted every retry: nothing changed, and trying again is safe.</summary>
public sealed class BookingContentionException(Exception inner)
    : DomainException("TRY_AGAIN", "Too many buyers are after these seats right now; nothing was changed, please try again.")
{
    public Exception Inner { get; } = inner;
}
