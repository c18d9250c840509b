using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Events;
using TicketMaster.Notifications;
using TicketMaster.Outbox;
using TicketMaster.Persistence;

namespace TicketMaster.OrganizerWebhooks;

/// <summary>
/// Turns an outbox row into one delivery per subscribed endpoint of its event. The body is fixed
/// here, once, so every retry and redelivery sends the same bytes under the same event id.
/// </summary>
internal sealed class PlanWebhookDeliveries(TicketMasterDbContext db)
{
    public async Task<IEnumerable<Notification>> PlanAsync(OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        var (type, eventId) = message.Type switch
        {
            OutboxMessageTypes.SeatsChanged when message.ReadPayload<SeatsChanged>() is { Status: SeatStatus.Sold } sold => (WebhookEventType.OrderPaid, sold.EventId),
            OutboxMessageTypes.EventStatusChanged when message.ReadPayload<EventStatusChanged>() is { To: EventStatus.Cancelled } cancelled => (WebhookEventType.EventCancelled, cancelled.EventId),
            OutboxMessageTypes.EventRescheduled when message.ReadPayload<EventRescheduled>() is { } moved => (WebhookEventType.EventRescheduled, moved.EventId),
            _ => ((WebhookEventType?)null, 0),
        };
        if (type is null)
        {
            return [];
        }

        var endpoints = (await db.WebhookEndpoints.AsNoTracking().Where(e => e.EventId == eventId).ToListAsync(cancellationToken))
            .Where(e => e.Wants(type.Value)).ToList();
        if (endpoints.Count == 0)
        {
            return [];
        }

        var data = await DataAsync(message, type.Value, eventId, cancellationToken);
        if (data is null)
        {
            return [];
        }

        var wire = type.Value.WireName();
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = $"evt_{message.Id.ToString(CultureInfo.InvariantCulture)}",
            ["type"] = wire,
            ["created"] = DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            ["data"] = data,
        });
        return endpoints.Select(e => Notification.Plan(wire, e.DeliverySubject(message.Id), e.OwnerId, NotificationChannel.Webhook, wire, body, now));
    }

    private async Task<Dictionary<string, object?>?> DataAsync(OutboxMessage message, WebhookEventType type, int eventId, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object?> { ["eventId"] = NodeId("Event", eventId.ToString(CultureInfo.InvariantCulture)) };
        switch (type)
        {
            case WebhookEventType.OrderPaid:
                var holdId = message.ReadPayload<SeatsChanged>()!.HoldId;
                var order = await db.Orders.AsNoTracking().Where(o => o.HoldId == holdId)
                    .Select(o => new { o.Id, o.Total, o.CreatedAt, Tickets = o.Tickets.Count }).SingleOrDefaultAsync(cancellationToken);
                if (order is null)
                {
                    return null;
                }

                data["orderId"] = NodeId("Order", order.Id.ToString("N"));
                data["total"] = new { amount = order.Total.Amount, currency = order.Total.Currency };
                data["ticketCount"] = order.Tickets;
                break;
            case WebhookEventType.EventRescheduled:
                var moved = message.ReadPayload<EventRescheduled>()!;
                data["previousStartsAt"] = DateTime.SpecifyKind(moved.From, DateTimeKind.Utc);
                data["startsAt"] = DateTime.SpecifyKind(moved.To, DateTimeKind.Utc);
                break;
        }

        return data;
    }

    /// <summary>The Api's Relay id (Base64 of <c>Type:key</c>), so a receiver can pass it to <c>node(id:)</c>.</summary>
    private static string NodeId(string typeName, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{key}"));
}
