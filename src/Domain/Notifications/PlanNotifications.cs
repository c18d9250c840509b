using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Events;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.Notifications;

/// <summary>
/// Reads the outbox from its own cursor and turns what happened into notifications, never on a
/// request's path. Reading a row twice (a crash before the cursor moved, two instances) plans
/// nothing twice: the deduplication key is unique in the table.
/// </summary>
public sealed class PlanNotifications(TicketMasterDbContext db, NotificationOptions options, TimeProvider clock)
{
    public const string CursorName = "notifications";

    private static readonly NotificationChannel[] Transactional = [NotificationChannel.Email, NotificationChannel.InApp];

    /// <returns>How many notifications were added.</returns>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cursor = await db.NotificationCursors.AsNoTracking().SingleOrDefaultAsync(c => c.Name == CursorName, cancellationToken);
        if (cursor is null)
        {
            // First run on a database with history (an upgrade): start an hour back, not at the
            // beginning, so nobody gets a confirmation for an order of last year.
            var replayFrom = now - options.InitialReplay;
            var start = await db.OutboxMessages.Where(m => m.CreatedAt < replayFrom).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
            db.NotificationCursors.Add(new NotificationCursor(CursorName, start));
            await SaveIgnoringRaceAsync(cancellationToken);
            cursor = await db.NotificationCursors.AsNoTracking().SingleAsync(c => c.Name == CursorName, cancellationToken);
        }

        var settled = now - options.GapWindow;
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Id > cursor.Position && m.CreatedAt <= settled && (m.Type == OutboxMessageTypes.SeatsChanged || m.Type == OutboxMessageTypes.EventStatusChanged || m.Type == OutboxMessageTypes.EventRescheduled))
            .OrderBy(m => m.Id).Take(options.OutboxBatchSize).ToListAsync(cancellationToken);
        if (messages.Count == 0)
        {
            return 0;
        }

        var planned = new List<Notification>();
        var webhooks = new OrganizerWebhooks.PlanWebhookDeliveries(db);
        foreach (var message in messages)
        {
            planned.AddRange(await PlanAsync(message, now, cancellationToken));
            planned.AddRange(await webhooks.PlanAsync(message, now, cancellationToken));
        }

        var added = await AddNewAsync(planned, cancellationToken);
        var position = messages[^1].Id;
        await db.NotificationCursors.Where(c => c.Name == CursorName && c.Position < position)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Position, position), cancellationToken);
        return added;
    }

    private async Task<IEnumerable<Notification>> PlanAsync(OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        if (message.Type == OutboxMessageTypes.SeatsChanged && message.ReadPayload<SeatsChanged>() is { Status: SeatStatus.Sold } sold)
        {
            var order = await (
                from o in db.Orders.AsNoTracking()
                where o.HoldId == sold.HoldId
                join e in db.Events on o.EventId equals e.Id
                select new { o.Id, o.UserId, o.Total, Event = e.Name, Count = o.Tickets.Count }).SingleOrDefaultAsync(cancellationToken);
            return order is null ? [] : Transactional.Select(channel => Notification.Plan(
                NotificationKinds.OrderConfirmed, order.Id.ToString(), order.UserId, channel,
                $"Your tickets for {order.Event}",
                $"Order {order.Id}: {order.Count} ticket(s), {order.Total.Amount.ToString("N2", CultureInfo.InvariantCulture)} {order.Total.Currency}.", now));
        }

        if (message.Type == OutboxMessageTypes.EventStatusChanged && message.ReadPayload<EventStatusChanged>() is { To: EventStatus.Cancelled } cancelled)
        {
            var name = await db.Events.Where(e => e.Id == cancelled.EventId).Select(e => e.Name).SingleAsync(cancellationToken);
            var buyers = await db.Orders.Where(o => o.EventId == cancelled.EventId).Select(o => o.UserId).Distinct().ToListAsync(cancellationToken);
            return buyers.SelectMany(buyer => Transactional.Select(channel => Notification.Plan(
                NotificationKinds.EventCancelled, cancelled.EventId.ToString(CultureInfo.InvariantCulture), buyer, channel,
                $"{name} is cancelled", $"{name} will not take place; your tickets no longer admit anyone. The refund follows separately.", now)));
        }

        if (message.Type == OutboxMessageTypes.EventRescheduled && message.ReadPayload<EventRescheduled>() is { WasPublished: true } moved)
        {
            var show = await db.Events.Where(e => e.Id == moved.EventId).Select(e => new { e.Name, e.StartsAtLocal }).SingleAsync(cancellationToken);
            var holders = await HoldersAsync(moved.EventId, cancellationToken);
            var local = show.StartsAtLocal is { } wall ? $" ({wall:yyyy-MM-dd HH:mm} at the venue)" : "";

            // Each move is news: the subject names the outbox row, so a second reschedule notifies again.
            var subject = $"{moved.EventId.ToString(CultureInfo.InvariantCulture)}:{message.Id.ToString(CultureInfo.InvariantCulture)}";
            return holders.SelectMany(holder => Transactional.Select(channel => Notification.Plan(
                NotificationKinds.EventRescheduled, subject, holder, channel,
                $"{show.Name} has moved", $"{show.Name} now starts {DateTime.SpecifyKind(moved.To, DateTimeKind.Utc):u}{local}, instead of {DateTime.SpecifyKind(moved.From, DateTimeKind.Utc):u}. Your tickets stay valid for the new date.", now)));
        }

        return [];
    }

    /// <summary>Everyone holding a valid ticket for the event: refunded buyers have nothing to attend.</summary>
    private Task<List<int>> HoldersAsync(int eventId, CancellationToken cancellationToken) =>
        db.Tickets.Where(t => t.EventId == eventId && t.Status == Orders.TicketStatus.Valid)
            .Join(db.Orders, t => t.OrderId, o => o.Id, (_, o) => o.UserId).Distinct().ToListAsync(cancellationToken);

    private async Task<int> AddNewAsync(List<Notification> planned, CancellationToken cancellationToken)
    {
        var subjects = planned.Select(n => n.Subject).Distinct().ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => subjects.Contains(n.Subject))
            .Select(n => new { n.Kind, n.Subject, n.RecipientId, n.Channel }).ToListAsync(cancellationToken))
            .Select(n => (n.Kind, n.Subject, n.RecipientId, n.Channel)).ToHashSet();
        var fresh = planned.Where(n => existing.Add((n.Kind, n.Subject, n.RecipientId, n.Channel))).ToList();
        db.Notifications.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another instance planned some of them since the look: add one at a time, skipping its.
            db.ChangeTracker.Clear();
            var added = 0;
            foreach (var notification in fresh)
            {
                db.Notifications.Add(notification);
                added += await SaveIgnoringRaceAsync(cancellationToken) ? 1 : 0;
            }

            return added;
        }
    }

    private async Task<bool> SaveIgnoringRaceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
