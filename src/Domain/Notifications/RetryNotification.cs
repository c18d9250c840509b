using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Notifications;

/// <summary>Gives a dead notification another round of attempts (an admin fixed the mail server, say).</summary>
public sealed class RetryNotification(TicketMasterDbContext db, TimeProvider clock)
{
    public async Task<Notification> ExecuteAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId, cancellationToken) ?? throw new NotificationNotFoundException(notificationId);
        notification.Retry(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return notification;
    }
}
