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
