using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.Notifications;

[Description("There is no such notification.")]
public sealed class NotificationNotFoundException(Guid notificationId)
    : DomainException("There is no such notification.")
{
    [Description("The notification asked for.")]
    public Guid NotificationId { get; } = notificationId;
}

[Description("Only a DEAD notification can be retried; this one is `status`.")]
public sealed class NotificationNotDeadException(Guid notificationId, NotificationStatus status)
    : DomainException($"Notification {notificationId} is {status}, not dead.")
{
    [Description("The notification.")]
    public Guid NotificationId { get; } = notificationId;

    [Description("Its delivery status now.")]
    public NotificationStatus Status { get; } = status;
}
