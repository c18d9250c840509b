using Microsoft.EntityFrameworkCore;
using TicketMaster.Notifications;
using TicketMaster.Persistence;

namespace TicketMaster.OrganizerWebhooks;

/// <summary>Sends a delivery again, sent or dead (a receiver lost it, or was down too long): same id, same body.</summary>
public sealed class RedeliverWebhook(TicketMasterDbContext db, TimeProvider clock)
{
    public async Task<Notification> ExecuteAsync(int callerId, bool isAdmin, Guid deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.Notifications.SingleOrDefaultAsync(n => n.Id == deliveryId && n.Channel == NotificationChannel.Webhook && (isAdmin || n.RecipientId == callerId), cancellationToken)
            ?? throw new WebhookDeliveryNotFoundException(deliveryId);
        delivery.Redeliver(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return delivery;
    }
}
