using Microsoft.EntityFrameworkCore;
using TicketMaster.Common;
using TicketMaster.Persistence;

namespace TicketMaster.Notifications;

/// <summary>Changes the switches given and leaves the others as they were.</summary>
public sealed class UpdateNotificationPreferences(TicketMasterDbContext db, TimeProvider clock)
{
    public async Task<NotificationPreferences> ExecuteAsync(int userId, bool? email, bool? inApp, bool? reminders, CancellationToken cancellationToken)
    {
        if (email is null && inApp is null && reminders is null)
        {
            throw new InvalidFieldException("input", "must set at least one of email, inApp, reminders");
        }

        var preferences = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preferences is null)
        {
            preferences = NotificationPreferences.DefaultFor(userId);
            db.NotificationPreferences.Add(preferences);
        }

        preferences.Change(email, inApp, reminders, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return preferences;
    }

    /// <summary>Someone's preferences, or the defaults (everything on) when they never changed any.</summary>
    public static async Task<NotificationPreferences> OfAsync(TicketMasterDbContext db, int userId, CancellationToken cancellationToken) =>
        await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken) ?? NotificationPreferences.DefaultFor(userId);
}
