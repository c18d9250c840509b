namespace TicketMaster.Notifications;

/// <summary>Bound from the <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>How often the job plans and delivers; zero turns it off (tests that count SQL statements do).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Outbox rows younger than this are left for the next run: ids are handed out at insert and
    /// commits land out of order, so a younger gap may still fill in.
    /// </summary>
    public TimeSpan GapWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Outbox rows read per run.</summary>
    public int OutboxBatchSize { get; set; } = 500;

    /// <summary>Notifications one instance leases per run.</summary>
    public int DeliveryBatchSize { get; set; } = 50;

    /// <summary>How long a lease keeps other instances off a notification; a crashed sender's lease runs out.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts before a notification is Dead.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>On the very first run, how far back in the outbox to look: older history is not notified.</summary>
    public TimeSpan InitialReplay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before an event its ticket holders are reminded of it.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first retry's delay; each next one doubles, up to an hour.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);
}
