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

    /// <summary>The outbox row saying <paramref name="seats"/> of <paramref name="hold"/> now show <paramref name="status"/>; the step writes it.</summary>
    public OutboxMessage SeatsChanged(Hold hold, IReadOnlyCollection<EventSeat> seats, SeatStatus status, DateTime now)
    {
        var changed = new SeatsChanged(hold.EventId, seats.Select(s => s.SeatId).Order().ToList(), status, hold.Id);
        var message = OutboxMessage.Create(OutboxMessageTypes.SeatsChanged, hold.EventId.ToString(CultureInfo.InvariantCulture), changed, now);
        _recorded.Add(new Recorded(message, changed, hold, seats.Select(s => s.SectionId).Distinct().ToList()));
        return message;
    }

    /// <summary>A retried attempt starts over.</summary>
    public void Clear() => _recorded.Clear();

    /// <param name="Message">Its id is known once the transaction has written it.</param>
    /// <param name="SectionIds">The changed seats' sections, for counting only those again.</param>
    public sealed record Recorded(OutboxMessage Message, SeatsChanged Seats, Hold Hold, IReadOnlyList<int> SectionIds);
}
