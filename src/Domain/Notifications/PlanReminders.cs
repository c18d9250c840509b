using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Events;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Notifications;

/// <summary>
/// A day before an event, a reminder to everyone holding a valid ticket for it. Scheduled by the
/// event's own start, not by a timer set at purchase, so a restart or a reschedule changes nothing;
/// the deduplication key (EventReminder, event, person, channel) sends it once. Holders who turned
/// reminders (or the channel) off get none on it.
/// </summary>
public sealed class PlanReminders(TicketMasterDbContext db, NotificationOptions options, TimeProvider clock)
{
    private static readonly NotificationChannel[] Channels = [NotificationChannel.Email, NotificationChannel.InApp];

    /// <returns>How many reminders were added.</returns>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + options.ReminderLead;
        // Events in the window that have not been reminded of yet; a handful at any moment.
        var due = await db.Events.AsNoTracking()
            .Where(e => (e.Status == EventStatus.OnSale || e.Status == EventStatus.SoldOut) && e.StartsAt > now && e.StartsAt <= horizon)
            .Select(e => new { e.Id, e.Name, e.StartsAt })
            .ToListAsync(cancellationToken);
        var dueSubjects = due.Select(e => e.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var reminded = await db.Notifications.Where(n => n.Kind == NotificationKinds.EventReminder && dueSubjects.Contains(n.Subject))
            .Select(n => n.Subject).Distinct().ToListAsync(cancellationToken);
        var added = 0;
        foreach (var show in due.Where(e => !reminded.Contains(e.Id.ToString(CultureInfo.InvariantCulture))))
        {
            var holders = await db.Tickets.Where(t => t.EventId == show.Id && t.Status == TicketStatus.Valid)
                .Join(db.Orders, t => t.OrderId, o => o.Id, (_, o) => o.UserId).Distinct().ToListAsync(cancellationToken);
            var subject = show.Id.ToString(CultureInfo.InvariantCulture);
            var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => holders.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
            var reminders = holders.SelectMany(holder => Channels
                .Where(channel => preferences.GetValueOrDefault(holder)?.Allows(NotificationKinds.EventReminder, channel) ?? true)
                .Select(channel => Notification.Plan(
                    NotificationKinds.EventReminder, subject, holder, channel,
                    $"Tomorrow: {show.Name}", $"{show.Name} starts at {show.StartsAt:u}. Have your tickets ready.", now))).ToList();
            db.Notifications.AddRange(reminders);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added += reminders.Count;
            }
            catch (DbUpdateException)
            {
                // Another instance reminded of this event at the same moment: its rows stand.
                db.ChangeTracker.Clear();
            }
        }

        return added;
    }
}
