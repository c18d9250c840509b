namespace TicketMaster.Notifications;

/// <summary>
/// A way to reach a person (a port; the adapters are Infrastructure's). Send throws when the
/// message did not get through, and the pipeline retries it later.
/// </summary>
public interface INotificationChannel
{
    NotificationChannel Channel { get; }

    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}

/// <summary>In-app notifications are delivered by being stored: <c>myNotifications</c> reads the table.</summary>
public sealed class InAppChannel : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.InApp;

    public Task SendAsync(Notification notification, CancellationToken cancellationToken) => Task.CompletedTask;
}
