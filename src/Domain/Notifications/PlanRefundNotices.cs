using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.Notifications;

/// <summary>
/// Tells a buyer their money is on its way back, by email and in-app, once per refund. Refunds
/// write no outbox row (a refund's seats do, without saying they were refunded), so this reads the
/// refunds of the last <see cref="NotificationOptions.InitialReplay"/> and plans those not yet told;
/// the deduplication key (PaymentRefunded, refund, buyer, channel) keeps it to once.
/// </summary>
public sealed class PlanRefundNotices(TicketMasterDbContext db, NotificationOptions options, TimeProvider clock)
{
    private static readonly NotificationChannel[] Channels = [NotificationChannel.Email, NotificationChannel.InApp];

    /// <returns>How many notices were added.</returns>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - options.InitialReplay;
        var recent = await (
            from r in db.Refunds.AsNoTracking()
            where r.CreatedAt > since
            join p in db.Payments on r.PaymentId equals p.Id
            select new { r.Id, r.Amount, r.Reason, p.UserId }).ToListAsync(cancellationToken);
        if (recent.Count == 0)
        {
            return 0;
        }

        var subjects = recent.Select(r => r.Id.ToString()).ToList();
        var told = await db.Notifications.Where(n => n.Kind == NotificationKinds.PaymentRefunded && subjects.Contains(n.Subject))
            .Select(n => n.Subject).Distinct().ToListAsync(cancellationToken);
        var notices = recent.Where(r => !told.Contains(r.Id.ToString())).SelectMany(r => Channels.Select(channel => Notification.Plan(
            NotificationKinds.PaymentRefunded, r.Id.ToString(), r.UserId, channel,
            $"Refund of {r.Amount.Amount.ToString("N2", CultureInfo.InvariantCulture)} {r.Amount.Currency}",
            $"We refunded {r.Amount.Amount.ToString("N2", CultureInfo.InvariantCulture)} {r.Amount.Currency} to your payment method: {r.Reason}. Your bank may take a few days to show it.", now))).ToList();
        if (notices.Count == 0)
        {
            return 0;
        }

        db.Notifications.AddRange(notices);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return notices.Count;
        }
        catch (DbUpdateException)
        {
            // Another instance planned them at the same moment: its rows stand, and the next run adds any left.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}
