using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Events;

/// <summary>The organizer puts a paused event back on sale.</summary>
public sealed class ResumeSales(TicketMasterDbContext db)
{
    public async Task<Event> ExecuteAsync(int eventId, CancellationToken cancellationToken)
    {
        var show = await db.Events.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken) ?? throw new EventNotFoundException(eventId);
        show.ResumeSales();
        await db.SaveChangesAsync(cancellationToken);
        return show;
    }
}
