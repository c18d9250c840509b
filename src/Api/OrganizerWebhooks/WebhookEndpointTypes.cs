using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Notifications;
using TicketMaster.GraphQL;
using TicketMaster.GraphQL.Paging;
using TicketMaster.GraphQL.Relay;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Notifications;
using TicketMaster.OrganizerWebhooks;
using TicketMaster.Persistence;

namespace TicketMaster.Api.OrganizerWebhooks;

public sealed class WebhookEndpointType : ObjectGraphType<WebhookEndpoint>
{
    public const string TypeName = "WebhookEndpoint";

    public WebhookEndpointType()
    {
        Name = TypeName;
        Description = "An HTTPS address told about one event's orders and changes by signed POSTs (see `addWebhookEndpoint` for the signature scheme).";
        this.ImplementsNode(TypeName, e => e.Id);
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("The event it is told about (an `Event` id for `node(id:)`).").Resolve(ctx => GlobalId.Encode("Event", ctx.Source.EventId));
        Field(e => e.Url).Description("Where deliveries are POSTed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookEventTypeType>>>>("events").Description("The event types it is subscribed to.").Resolve(ctx => ctx.Source.Subscribed);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When it was added (UTC).").Resolve(ctx => ctx.Source.CreatedAt);
        this.AddRequestConnection<TicketMasterDbContext, WebhookEndpoint, Notification, Guid, NotificationType, NotificationFilterInputType, NotificationSortInputType>(
            "deliveries",
            "What was sent to it, newest first: `kind` is the event type (`order.paid`…), `status` PENDING while retrying, SENT once the receiver answered 2xx, DEAD after the last attempt (`redeliverWebhook` sends it again); `lastError` holds the failing HTTP status or network error.",
            (db, ctx) => db.Notifications.AsNoTracking().Where(n => n.Channel == NotificationChannel.Webhook && n.Subject.StartsWith(ctx.Source.Id.ToString("N") + ":")),
            n => n.Id,
            new Dictionary<string, object?> { ["createdAt"] = SortDirection.Desc });
    }
}

public sealed class WebhookEventTypeType : EnumerationGraphType<WebhookEventType>
{
    public WebhookEventTypeType()
    {
        Name = "WebhookEventType";
        Description = "What a webhook endpoint can be told about; the delivery's JSON `type` is given with each value.";
        this.Describe("ORDER_PAID", "`order.paid`: an order for the event was paid; `data` has `orderId`, `total` and `ticketCount`.");
        this.Describe("EVENT_CANCELLED", "`event.cancelled`: the event was cancelled.");
        this.Describe("EVENT_RESCHEDULED", "`event.rescheduled`: the event moved; `data` has `previousStartsAt` and `startsAt` (UTC).");
    }
}
