using TicketMaster.Outbox;

namespace TicketMaster.Booking;

/// <summary>
/// The seat changes one attempt of a booking step wrote: the entities recorded them, the step's
/// writer (the hand-written batch or SaveChanges) wrote them as outbox rows and reports each here
/// with its id, and the step publishes them with their holds once its transaction commits.
/// </summary>
internal sealed class BookingChanges
{
    private readonly List<Recorded> _recorded = [];

    public IReadOnlyList<Recorded> All => _recorded;

    /// <summary>Listens to <see cref="Persistence.TicketMasterDbContext.OutboxWritten"/> during the step.</summary>
    public void Written(PendingOutboxMessage written)
    {
        if (written.Seats is { Hold: { } hold } seats)
        {
            _recorded.Add(new Recorded(written.Message, seats.Change, hold, seats.SectionIds));
        }
    }

    /// <summary>A retried attempt starts over.</summary>
    public void Clear() => _recorded.Clear();

    /// <param name="Message">Its id is known once the transaction has written it.</param>
    /// <param name="SectionIds">The changed seats' sections, for counting only those again.</param>
    public sealed record Recorded(OutboxMessage Message, SeatsChanged Seats, Hold Hold, IReadOnlyList<int> SectionIds);
}
