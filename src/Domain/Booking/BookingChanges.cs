using System.Globalization;
using TicketMaster.Outbox;

namespace TicketMaster.Booking;

/// <summary>
/// The seat changes one attempt of a booking step made: each becomes an outbox row written in the
/// step's transaction, and is published with its hold once that transaction commits.
/// </summary>
internal sealed class BookingChanges
{
    private readonly List<Recorded> _recorded = [];

    public IReadOnlyList<Recorded> All => _recorded;

    /// <summary>The outbox row saying seats of <paramref name="hold"/> now show <paramref name="status"/>; the step writes it.</summary>
    public OutboxMessage SeatsChanged(Hold hold, IEnumerable<int> seatIds, SeatStatus status, DateTime now)
    {
        var seats = new SeatsChanged(hold.EventId, seatIds.Order().ToList(), status, hold.Id);
        var message = OutboxMessage.Create(OutboxMessageTypes.SeatsChanged, hold.EventId.ToString(CultureInfo.InvariantCulture), seats, now);
        _recorded.Add(new Recorded(message, seats, hold));
        return message;
    }

    /// <summary>A retried attempt starts over.</summary>
    public void Clear() => _recorded.Clear();

    /// <param name="Message">Its id is known once the transaction has written it.</param>
    public sealed record Recorded(OutboxMessage Message, SeatsChanged Seats, Hold Hold);
}
