namespace TicketMaster.Notifications;

/// <summary>
/// What a person wants to hear besides the transactional messages, which are always sent: a
/// purchase's confirmation, a cancellation, a reschedule and a refund concern money or entry, so no
/// switch turns them off. Without a row, everything is on.
/// </summary>
public sealed class NotificationPreferences
{
    private NotificationPreferences()
    {
    }

    public int UserId { get; private set; }

    /// <summary>Optional messages by email.</summary>
    public bool Email { get; private set; } = true;

    /// <summary>Optional messages in the app.</summary>
    public bool InApp { get; private set; } = true;

    /// <summary>Reminders a day before an event, on whichever channels are on.</summary>
    public bool Reminders { get; private set; } = true;

    public DateTime UpdatedAt { get; private set; }

    public static NotificationPreferences DefaultFor(int userId) => new() { UserId = userId };

    public void Change(bool? email, bool? inApp, bool? reminders, DateTime now)
    {
        (Email, InApp, Reminders) = (email ?? Email, inApp ?? InApp, reminders ?? Reminders);
        UpdatedAt = now;
    }

    /// <summary>The one rule: transactional kinds and webhooks always; optional kinds by their switch and the channel's.</summary>
    public bool Allows(string kind, NotificationChannel channel) =>
        NotificationKinds.IsTransactional(kind) || channel == NotificationChannel.Webhook
        || ((kind != NotificationKinds.EventReminder || Reminders) && channel switch
        {
            NotificationChannel.Email => Email,
            NotificationChannel.InApp => InApp,
            _ => true,
        });
}
