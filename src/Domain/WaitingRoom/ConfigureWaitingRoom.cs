using Microsoft.EntityFrameworkCore;
using TicketMaster.Events;
using TicketMaster.Persistence;

namespace TicketMaster.WaitingRoom;

/// <summary>Turns an event's waiting room on with new limits, or off; the stored row survives restarts.</summary>
public sealed class ConfigureWaitingRoom(TicketMasterDbContext db, IWaitingRoomQueue queue, TimeProvider clock)
{
    public async Task<WaitingRoomSettings> ExecuteAsync(int eventId, bool on, int admissionsPerMinute, int maxAdmitted, DateTime opensAt, CancellationToken cancellationToken)
    {
        var onSaleAt = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.OnSaleAt }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new EventNotFoundException(eventId);
        var settings = await db.WaitingRooms.SingleOrDefaultAsync(r => r.EventId == eventId, cancellationToken);
        if (settings is null)
        {
            settings = WaitingRoomSettings.For(eventId);
            db.WaitingRooms.Add(settings);
        }

        if (on)
        {
            settings.TurnOn(admissionsPerMinute, maxAdmitted, opensAt, onSaleAt.OnSaleAt, clock.GetUtcNow().UtcDateTime);
        }
        else
        {
            settings.TurnOff();
        }

        await db.SaveChangesAsync(cancellationToken);
        await queue.ConfigureAsync(settings, cancellationToken);
        return settings;
    }
}
