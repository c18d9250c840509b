using System.Security.Cryptography;

namespace TicketMaster.OrganizerWebhooks;

/// <summary>What an organizer's endpoint can subscribe to: only what the outbox records today.</summary>
public enum WebhookEventType
{
    /// <summary><c>order.paid</c>: an order's seats were sold.</summary>
    OrderPaid,

    /// <summary><c>event.cancelled</c>.</summary>
    EventCancelled,

    /// <summary><c>event.rescheduled</c>: its start moved.</summary>
    EventRescheduled,
}

public static class WebhookEventTypes
{
    /// <summary>The name in a delivery's <c>type</c> and the notification's kind.</summary>
    public static string WireName(this WebhookEventType type) => type switch
    {
        WebhookEventType.OrderPaid => "order.paid",
        WebhookEventType.EventCancelled => "event.cancelled",
        WebhookEventType.EventRescheduled => "event.rescheduled",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}

/// <summary>
/// An HTTPS address an event's organizer wants told about the event's orders and changes. Each
/// delivery is a notification on the Webhook channel (ADR 0024), so it shares the pipeline's
/// deduplication, leases, backoff and dead letters.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 500;

    private WebhookEndpoint()
    {
    }

    public Guid Id { get; private set; }

    public int EventId { get; private set; }

    /// <summary>Who added it; deliveries are addressed to them.</summary>
    public int OwnerId { get; private set; }

    public string Url { get; private set; } = "";

    /// <summary>The HMAC key, base64; shown to its owner once, when it is added.</summary>
    public string Secret { get; private set; } = "";

    /// <summary>The subscribed types, comma separated (a handful, never queried by).</summary>
    public string EventTypes { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<WebhookEventType> Subscribed =>
        EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<WebhookEventType>).ToList();

    public static WebhookEndpoint Add(int eventId, int ownerId, Uri url, IReadOnlyCollection<WebhookEventType> types, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EventId = eventId,
        OwnerId = ownerId,
        Url = url.AbsoluteUri,
        Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        EventTypes = string.Join(',', types.Distinct().Order()),
        CreatedAt = now,
    };

    public bool Wants(WebhookEventType type) => Subscribed.Contains(type);

    /// <summary>A delivery's subject: this endpoint and the outbox row it tells of (unique per pair).</summary>
    public string DeliverySubject(long outboxId) => $"{Id:N}:{outboxId}";

    /// <summary>The endpoint a delivery goes to, from its subject.</summary>
    public static Guid EndpointOf(string deliverySubject) => Guid.ParseExact(deliverySubject[..32], "N");
}
