using TicketMaster.Common;

namespace TicketMaster.Notifications;

public enum NotificationChannel
{
    Email,
    InApp,

    /// <summary>An organizer's webhook endpoint (ADR 0024); the subject names the endpoint.</summary>
    Webhook,
}

public enum NotificationStatus
{
    /// <summary>Waiting for its (next) delivery attempt at <see cref="Notification.NextAttemptAt"/>.</summary>
    Pending,

    Sent,

    /// <summary>Failed <see cref="NotificationOptions.MaxAttempts"/> times; an admin may retry it.</summary>
    Dead,
}

/// <summary>The kinds of message, as stored; a kind is part of the deduplication key.</summary>
public static class NotificationKinds
{
    /// <summary>Subject: the order id.</summary>
    public const string OrderConfirmed = "OrderConfirmed";

    /// <summary>Subject: the event id.</summary>
    public const string EventCancelled = "EventCancelled";

    /// <summary>A day before the event (<see cref="NotificationOptions.ReminderLead"/>); subject: the event id.</summary>
    public const string EventReminder = "EventReminder";

    /// <summary>Money went back to the buyer; subject: the refund id.</summary>
    public const string PaymentRefunded = "PaymentRefunded";

    /// <summary>An event's start moved; subject: <c>eventId:outboxId</c> (each move is news).</summary>
    public const string EventRescheduled = "EventRescheduled";

    /// <summary>
    /// About money or entry: sent whatever the recipient's preferences say. A reschedule is one:
    /// missing it means missing the show.
    /// </summary>
    public static bool IsTransactional(string kind) => kind is OrderConfirmed or EventCancelled or EventRescheduled or PaymentRefunded;
}

/// <summary>
/// One message to one person on one channel. (kind, subject, recipient, channel) is unique in the
/// table: however often the outbox is read again (a crash, a second instance), a person gets each
/// message once. Delivery is leased so two instances never send the same one at once.
/// </summary>
public sealed class Notification
{
    public const int MaxErrorLength = 500;

    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary>What it is about: an order id, an event id.</summary>
    public string Subject { get; private set; } = "";

    public int RecipientId { get; private set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary>A one-line summary, as an in-app list shows it.</summary>
    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public NotificationStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTime? LeasedUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>When the recipient marked an in-app notification read.</summary>
    public DateTime? ReadAt { get; private set; }

    public static Notification Plan(string kind, string subject, int recipientId, NotificationChannel channel, string title, string body, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        Subject = subject,
        RecipientId = recipientId,
        Channel = channel,
        Title = title,
        Body = body,
        Status = NotificationStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public void Delivered(DateTime now)
    {
        Status = NotificationStatus.Sent;
        Attempts++;
        SentAt = now;
        (LeaseOwner, LeasedUntil, LastError) = (null, null, null);
    }

    /// <summary>Backs off exponentially (base × 2^attempts, at most an hour); dead after the last allowed attempt.</summary>
    public void Failed(string error, DateTime now, NotificationOptions options)
    {
        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        (LeaseOwner, LeasedUntil) = (null, null);
        if (Attempts >= options.MaxAttempts)
        {
            Status = NotificationStatus.Dead;
            return;
        }

        var delay = TimeSpan.FromTicks(Math.Min(options.RetryBase.Ticks * (1L << Math.Min(Attempts - 1, 20)), TimeSpan.FromHours(1).Ticks));
        NextAttemptAt = now + delay;
    }

    /// <summary>An admin's second chance for a dead notification: attempts start over, now.</summary>
    public void Retry(DateTime now)
    {
        if (Status != NotificationStatus.Dead)
        {
            throw new NotificationNotDeadException(Id, Status);
        }

        (Status, Attempts, NextAttemptAt, LastError) = (NotificationStatus.Pending, 0, now, null);
    }

    /// <summary>Sends it again whatever its state (a webhook receiver lost it): attempts start over, now.</summary>
    public void Redeliver(DateTime now) =>
        (Status, Attempts, NextAttemptAt, LastError, LeaseOwner, LeasedUntil) = (NotificationStatus.Pending, 0, now, null, null, null);

    public void MarkRead(DateTime now) => ReadAt ??= now;
}

/// <summary>How far the planner has read the outbox: one row per reader name.</summary>
public sealed class NotificationCursor
{
    private NotificationCursor()
    {
    }

    public NotificationCursor(string name, long position) => (Name, Position) = (name, position);

    public string Name { get; private set; } = "";

    public long Position { get; private set; }
}
