using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Events;

/// <summary>The organizer stops sales for now; the status change goes to the outbox for search and subscribers.</summary>
public sealed class PauseSales(TicketMasterDbContext db)
{
    public async Task<Event> ExecuteAsync(int eventId, CancellationToken cancellationToken)
    {
        var show = await db.Events.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken) ?? throw new EventNotFoundException(eventId);
        show.PauseSales();
        await db.SaveChangesAsync(cancellationToken);
        return show;
    }
}
