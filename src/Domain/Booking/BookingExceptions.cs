using System.ComponentModel;
using TicketMaster.Common;
using TicketMaster.Events;

namespace TicketMaster.Booking;

[Description("Some of the seats were held or sold by someone else first; `seatIds` says which. Nothing was reserved: choose other seats.")]
public sealed class SeatsUnavailableException(int eventId, IReadOnlyCollection<int> seatIds)
    : DomainException($"{seatIds.Count} of the seats you chose {(seatIds.Count == 1 ? "is" : "are")} no longer free; nothing was reserved.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;

    [Description("The seats that are no longer free.")]
    public IReadOnlyCollection<int> SeatIds { get; } = seatIds;
}

[Description("Some seat ids are unknown or belong to another event; `seatIds` says which.")]
public sealed class SeatsNotInEventException(int eventId, IReadOnlyCollection<int> seatIds)
    : DomainException($"{seatIds.Count} of the seat ids {(seatIds.Count == 1 ? "is" : "are")} not seats of this event.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;

    [Description("The ids that are not this event's seats.")]
    public IReadOnlyCollection<int> SeatIds { get; } = seatIds;
}

[Description("The event is not on sale (draft, sold out, cancelled or over); `status` says which.")]
public sealed class EventNotOnSaleException(int eventId, EventStatus status, DateTime? onSaleAt = null)
    : DomainException(status == EventStatus.Announced && onSaleAt is { } opens ? $"Sales open at {opens:u}." : $"The event is {status}, not on sale.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;

    [Description("Where the event is in its life.")]
    public EventStatus Status { get; } = status;

    [Description("When sales open (UTC), for an `ANNOUNCED` event: try again from then. Null for any other status.")]
    public DateTime? OnSaleAt { get; } = status == EventStatus.Announced ? onSaleAt : null;
}

[Description("Sales of the event stopped after the reservation was placed (paused or cancelled by the organizer, or the event is over): nothing was charged. `eventStatus` says which; a paused event may resume, so try again later.")]
public sealed class SalesStoppedException(int eventId, EventStatus eventStatus)
    : DomainException($"Sales of the event stopped ({eventStatus}); nothing was charged.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;

    [Description("Where the event is in its life: `SALES_PAUSED`, `CANCELLED` or `COMPLETED`.")]
    public EventStatus EventStatus { get; } = eventStatus;
}

[Description("A reservation holds at most `limit` seats: the platform's cap, or the event's per-order limit (`maxTicketsPerOrder`) when lower.")]
public sealed class TooManySeatsException(int requested, int limit)
    : DomainException($"A reservation holds at most {limit} seats; {requested} were asked for.")
{
    [Description("How many seats were asked for.")]
    public int Requested { get; } = requested;

    [Description("The most seats one reservation can hold for this event.")]
    public int Limit { get; } = limit;
}

[Description("You have as many running reservations for this event as allowed (`limit`); confirm or release one first.")]
public sealed class TooManyReservationsException(int eventId, int limit)
    : DomainException($"You already have {limit} running reservations for this event; confirm or release one first.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;

    [Description("The most running reservations one buyer may have per event.")]
    public int Limit { get; } = limit;
}

[Description("A reservation needs at least one seat.")]
public sealed class NoSeatsException()
    : DomainException("A reservation needs at least one seat.");

[Description("A price limit is in another currency than the event's prices (`eventCurrency`); prices are never converted, so give it in the event's currency.")]
public sealed class PriceInOtherCurrencyException(string currency, string eventCurrency)
    : DomainException($"This event's prices are in {eventCurrency}; give amounts in {eventCurrency}, not {currency}.")
{
    [Description("The currency the amount was given in.")]
    public string Currency { get; } = currency;

    [Description("The currency of the event's prices (`Event.currency`).")]
    public string EventCurrency { get; } = eventCurrency;
}

[Description("Fewer seats than asked for are free with these conditions (section, price); try fewer or loosen them.")]
public sealed class NotEnoughSeatsException(int eventId, int quantity)
    : DomainException($"Fewer than {quantity} free seats match your choice.")
{
    [Description("The event.")]
    public int EventId { get; } = eventId;

    [Description("How many seats were asked for.")]
    public int Quantity { get; } = quantity;
}

[Description("There is no such reservation, or it is not yours to see.")]
public sealed class ReservationNotFoundException(Guid reservationId)
    : DomainException("There is no such reservation.")
{
    [Description("The reservation id that was asked for.")]
    public Guid ReservationId { get; } = reservationId;
}

[Description("The reservation ran out and its seats may be someone else's now; reserve again.")]
public sealed class ReservationExpiredException(Guid reservationId)
    : DomainException("The reservation has expired; reserve the seats again.")
{
    [Description("The reservation.")]
    public Guid ReservationId { get; } = reservationId;
}

[Description("The reservation belongs to someone else.")]
public sealed class NotYourReservationException(Guid reservationId)
    : DomainException("This reservation belongs to someone else.")
{
    [Description("The reservation.")]
    public Guid ReservationId { get; } = reservationId;
}

[Description("The reservation is already an order; find it in `myOrders`.")]
public sealed class ReservationAlreadyConfirmedException(Guid reservationId)
    : DomainException("This reservation is already confirmed.")
{
    [Description("The reservation.")]
    public Guid ReservationId { get; } = reservationId;
}

[Description("The reservation was released or has ended; `status` says how.")]
public sealed class ReservationNotActiveException(Guid reservationId, HoldStatus status)
    : DomainException($"This reservation is {status.ToString().ToLowerInvariant()}.")
{
    [Description("The reservation.")]
    public Guid ReservationId { get; } = reservationId;

    [Description("What became of the reservation.")]
    public HoldStatus Status { get; } = status;
}

[Description("The payment was declined; the seats stay held until the reservation expires, so the buyer can pay another way.")]
public sealed class PaymentDeclinedException(string reason)
    : DomainException($"The payment was declined: {reason}")
{
    [Description("The payment processor's reason, to show the buyer.")]
    public string Reason { get; } = reason;
}

[Description("The payment processor failed or did not answer; nothing was charged. Retry with a new idempotency key.")]
public sealed class PaymentFailedException(string reason)
    : DomainException($"The payment could not be completed: {reason} Try again with a new idempotency key.")
{
    [Description("What failed, to show the buyer.")]
    public string Reason { get; } = reason;
}

[Description("This idempotency key was used for a different request; use a new key for a new attempt.")]
public sealed class IdempotencyKeyReusedException(string idempotencyKey)
    : DomainException($"The idempotency key '{idempotencyKey}' was already used for a different request; use a new key.")
{
    [Description("The key that was reused.")]
    public string IdempotencyKey { get; } = idempotencyKey;
}

[Description("Another request with this idempotency key is confirming the reservation; retry shortly with the same key.")]
public sealed class ConfirmationInProgressException(Guid reservationId)
    : DomainException("This reservation is being confirmed by another request with the same key; retry shortly.")
{
    [Description("The reservation.")]
    public Guid ReservationId { get; } = reservationId;
}

/// <summary>Deadlocks or lock waits outlasted every retry (ADR 0006): the client's instruction is the name.</summary>
[Description("The seats were too contended to settle in time; nothing changed, and retrying is safe.")]
public sealed class TryAgainException(Exception inner)
    : DomainException("Too many buyers are after these seats right now; nothing was changed, please try again.", inner);

[Description("The event lets one account hold and buy at most `limit` tickets, and you already hold or bought `alreadyHeldOrBought`; refunded tickets do not count. Ask for fewer seats, or none.")]
public sealed class TicketLimitReachedException(int limit, int alreadyHeldOrBought)
    : DomainException($"One account may hold or buy at most {limit} tickets for this event; you already have {alreadyHeldOrBought}.")
{
    [Description("The event's per-account ticket limit (`maxTicketsPerAccount`).")]
    public int Limit { get; } = limit;

    [Description("Seats you hold in running reservations plus valid tickets you bought for this event.")]
    public int AlreadyHeldOrBought { get; } = alreadyHeldOrBought;
}
