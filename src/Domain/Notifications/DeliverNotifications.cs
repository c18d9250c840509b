using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketMaster.Persistence;

namespace TicketMaster.Notifications;

/// <summary>
/// Leases the notifications that are due and sends them through their channel: a lease keeps other
/// instances off them, and a crashed sender's lease runs out so another instance picks them up.
/// </summary>
public sealed class DeliverNotifications(
    TicketMasterDbContext db, IEnumerable<INotificationChannel> channels, NotificationOptions options, TimeProvider clock, ILogger<DeliverNotifications> logger)
{
    /// <returns>How many were sent.</returns>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = Guid.NewGuid().ToString("N");
        var due = await Due(now).OrderBy(n => n.NextAttemptAt).Select(n => n.Id).Take(options.DeliveryBatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // Only the rows still free when the update runs become ours; another instance's lease wins the rest.
        var leasedUntil = now + options.Lease;
        await Due(now).Where(n => due.Contains(n.Id))
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.LeaseOwner, owner).SetProperty(x => x.LeasedUntil, leasedUntil), cancellationToken);
        // The lease was written around the tracker: forget what it holds (the planner's fresh rows)
        // so the rows are read as leased, and clearing the lease is a change it sees.
        db.ChangeTracker.Clear();
        var mine = await db.Notifications.Where(n => n.LeaseOwner == owner).OrderBy(n => n.NextAttemptAt).ToListAsync(cancellationToken);

        var sent = 0;
        var byChannel = channels.ToDictionary(c => c.Channel);
        foreach (var notification in mine)
        {
            try
            {
                await byChannel[notification.Channel].SendAsync(notification, cancellationToken);
                notification.Delivered(clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Notification {Id} ({Kind} by {Channel}) failed on attempt {Attempt}", notification.Id, notification.Kind, notification.Channel, notification.Attempts + 1);
                notification.Failed(error.Message, clock.GetUtcNow().UtcDateTime, options);
            }

            // Recorded one by one: a crash loses at most the one being sent (its lease runs out, it is sent again).
            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    private IQueryable<Notification> Due(DateTime now) =>
        db.Notifications.Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now && (n.LeasedUntil == null || n.LeasedUntil < now));
}
