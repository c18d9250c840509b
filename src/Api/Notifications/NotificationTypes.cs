using GraphQL.Types;
using TicketMaster.GraphQL;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Notifications;

namespace TicketMaster.Api.Notifications;

public sealed class NotificationType : ObjectGraphType<Notification>
{
    public const string TypeName = "Notification";

    public NotificationType()
    {
        Name = TypeName;
        Description = "A message to one person on one channel: an in-app notification in `myNotifications`, or an email as admins see it in `deadNotifications`.";
        this.ImplementsNode(TypeName, n => n.Id);
        Field(n => n.Kind).Description("What it is about, e.g. `OrderConfirmed` or `EventCancelled`; new kinds may appear, show unknown ones by `title`.");
        Field(n => n.Title).Description("A one-line summary to show in a list.");
        Field(n => n.Body).Description("The message as plain text.");
        Field<NonNullGraphType<NotificationChannelType>>("channel").Description("How it reaches its recipient.").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<NotificationStatusType>>("status").Description("Where its delivery is.").Resolve(ctx => ctx.Source.Status);
        Field(n => n.Attempts).Description("Delivery attempts made so far.");
        Field(n => n.LastError, nullable: true).Description("Why the last attempt failed; null once sent.");
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When it was planned (UTC).").Resolve(ctx => ctx.Source.CreatedAt);
        Field<DateTimeGraphType>("sentAt").Description("When it was delivered (UTC): handed to the mail server, or answered 2xx by a webhook receiver; null until then.").Resolve(ctx => ctx.Source.SentAt);
        Field<DateTimeGraphType>("readAt").Description("When its recipient marked it read (`markNotificationsRead`); null while unread.").Resolve(ctx => ctx.Source.ReadAt);
    }
}

public sealed class NotificationChannelType : EnumerationGraphType<NotificationChannel>
{
    public NotificationChannelType()
    {
        Name = "NotificationChannel";
        Description = "How a notification reaches its recipient.";
        this.Describe("EMAIL", "An email to the account's address.");
        this.Describe("IN_APP", "Shown in the app: `myNotifications` and `onNotificationReceived`.");
        this.Describe("WEBHOOK", "A signed POST to an organizer's webhook endpoint (`WebhookEndpoint.deliveries`); `kind` is the event type, e.g. `order.paid`.");
    }
}

public sealed class NotificationStatusType : EnumerationGraphType<NotificationStatus>
{
    public NotificationStatusType()
    {
        Name = "NotificationStatus";
        Description = "Where a notification's delivery is.";
        this.Describe("PENDING", "Waiting for its next attempt (retries back off exponentially).");
        this.Describe("SENT", "Delivered: handed to the mail server, or shown in the app.");
        this.Describe("DEAD", "Gave up after `Notifications:MaxAttempts` failures; an admin can `retryNotification`.");
    }
}
