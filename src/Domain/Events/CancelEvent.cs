using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Events;

/// <summary>
/// The organizer calls the event off: sales stop at once (a reservation needs the event on sale), and <see cref="EventStatusChanged"/> to Cancelled goes to the outbox in the same
/// transaction, for search, live subscribers and the refund job to act on.
/// </summary>
/// <remarks>
/// TODO(issue #14): refunds, and holds placed before the cancellation. Confirming such a hold is not
/// refused yet (ConfirmReservation does not read the event's status), and the resumable job that reads
/// this outbox row and refunds every paid order exactly once through IPaymentGateway is not built yet.
/// </remarks>
public sealed class CancelEvent(TicketMasterDbContext db)
{
    public async Task<Event> ExecuteAsync(int eventId, CancellationToken cancellationToken)
    {
        var show = await db.Events.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken) ?? throw new EventNotFoundException(eventId);
        show.Cancel();
        await db.SaveChangesAsync(cancellationToken);
        return show;
    }
}
