using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Events;

/// <summary>
/// The organizer calls the event off: sales stop at once (a reservation needs the event on sale, a confirmation
/// an event on sale or sold out), and <see cref="EventStatusChanged"/> to Cancelled goes to the outbox in the same
/// transaction, for search and live subscribers. Then holds are released and every paid order refunded
/// (<see cref="RefundCancelledEvents"/>). Calling it again on a cancelled event finishes refunds a crash left
/// undone; so does the job that runs <see cref="RefundCancelledEvents"/> for every cancelled event.
/// </summary>
public sealed class CancelEvent(TicketMasterDbContext db, RefundCancelledEvents refunds)
{
    private const int Batch = 200;

    public async Task<Event> ExecuteAsync(int eventId, CancellationToken cancellationToken)
    {
        var show = await db.Events.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken) ?? throw new EventNotFoundException(eventId);
        if (show.Status != EventStatus.Cancelled)
        {
            show.Cancel();
            await db.SaveChangesAsync(cancellationToken);
        }

        // Refunds are given even if the caller goes away: the status is already committed, and a half-done run is only resumed later.
        while (await refunds.ExecuteAsync(eventId, Batch, CancellationToken.None) > 0)
        {
        }

        return await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
    }
}
