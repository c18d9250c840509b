using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.OrganizerWebhooks;

[Description("The webhook URL cannot be used: it must be an absolute https URL to a public host.")]
public sealed class WebhookUrlRefusedException(string url, string reason)
    : DomainException($"The webhook URL cannot be used: {reason}.")
{
    [Description("The URL given.")]
    public string Url { get; } = url;

    [Description("Why it was refused, e.g. `must use https` or `points into a private network`.")]
    public string Reason { get; } = reason;
}

[Description("Subscribe to at least one event type.")]
public sealed class WebhookEventTypesMissingException()
    : DomainException("Subscribe the endpoint to at least one event type.");

[Description("The event has as many webhook endpoints as it may have; remove one first.")]
public sealed class TooManyWebhookEndpointsException(int limit)
    : DomainException($"An event may have at most {limit} webhook endpoints; remove one first.")
{
    [Description("How many endpoints an event may have.")]
    public int Limit { get; } = limit;
}

[Description("There is no such webhook endpoint among yours.")]
public sealed class WebhookEndpointNotFoundException(Guid webhookEndpointId)
    : DomainException("There is no such webhook endpoint among yours.")
{
    [Description("The endpoint asked for.")]
    public Guid WebhookEndpointId { get; } = webhookEndpointId;
}

[Description("There is no such webhook delivery among your endpoints'.")]
public sealed class WebhookDeliveryNotFoundException(Guid notificationId)
    : DomainException("There is no such webhook delivery among your endpoints'.")
{
    [Description("The delivery asked for.")]
    public Guid NotificationId { get; } = notificationId;
}
