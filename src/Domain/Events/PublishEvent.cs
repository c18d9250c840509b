using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Events;

/// <summary>
/// Puts an organizer's draft on sale. The event's own transition records what search and live
/// subscribers must learn, and SaveChanges writes it to the outbox in the same transaction.
/// </summary>
public sealed class PublishEvent(TicketMasterDbContext db, TimeProvider clock)
{
    public async Task<Event> ExecuteAsync(int eventId, CancellationToken cancellationToken)
    {
        var show = await db.Events.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken) ?? throw new EventNotFoundException(eventId);
        show.Publish(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return show;
    }
}
