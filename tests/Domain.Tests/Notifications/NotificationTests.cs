using TicketMaster.Notifications;

namespace TicketMaster.Domain.Tests.Notifications;

public sealed class NotificationTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly NotificationOptions Options = new() { MaxAttempts = 4, RetryBase = TimeSpan.FromSeconds(30) };

    [Fact]
    public void Failures_back_off_doubling_and_the_last_allowed_attempt_makes_it_dead()
    {
        var notification = Notification.Plan(NotificationKinds.OrderConfirmed, "order", 1, NotificationChannel.Email, "t", "b", Now);
        var delays = new List<TimeSpan>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            notification.Failed("connection refused", Now, Options);
            delays.Add(notification.NextAttemptAt - Now);
        }

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], delays);
        Assert.Equal(NotificationStatus.Pending, notification.Status);
        notification.Failed("connection refused", Now, Options);
        Assert.Equal((NotificationStatus.Dead, 4, "connection refused"), (notification.Status, notification.Attempts, notification.LastError));
    }

    [Fact]
    public void Backoff_stops_growing_at_an_hour_and_long_errors_are_cut_to_fit()
    {
        var notification = Notification.Plan(NotificationKinds.OrderConfirmed, "order", 1, NotificationChannel.Email, "t", "b", Now);
        var patient = new NotificationOptions { MaxAttempts = 100, RetryBase = TimeSpan.FromMinutes(10) };

        for (var attempt = 0; attempt < 30; attempt++)
        {
            notification.Failed(new string('x', 2000), Now, patient);
        }

        Assert.Equal(TimeSpan.FromHours(1), notification.NextAttemptAt - Now);
        Assert.Equal(Notification.MaxErrorLength, notification.LastError!.Length);
    }

    [Fact]
    public void Only_a_dead_notification_can_be_retried_and_a_retry_starts_its_attempts_over_now()
    {
        var notification = Notification.Plan(NotificationKinds.OrderConfirmed, "order", 1, NotificationChannel.Email, "t", "b", Now);
        Assert.Throws<NotificationNotDeadException>(() => notification.Retry(Now));

        for (var attempt = 0; attempt < Options.MaxAttempts; attempt++)
        {
            notification.Failed("down", Now, Options);
        }

        notification.Retry(Now.AddHours(2));

        Assert.Equal((NotificationStatus.Pending, 0, Now.AddHours(2), (string?)null), (notification.Status, notification.Attempts, notification.NextAttemptAt, notification.LastError));
    }
}
