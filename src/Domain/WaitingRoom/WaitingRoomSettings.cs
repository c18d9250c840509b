namespace TicketMaster.WaitingRoom;

/// <summary>
/// An event's waiting room as its organizer set it: when the queue opens, how fast shoppers are let
/// through, and how many may shop at once. One row per event; absent or off means no queue.
/// </summary>
public sealed class WaitingRoomSettings
{
    private WaitingRoomSettings()
    {
    }

    public int EventId { get; private set; }

    public bool IsOn { get; private set; }

    /// <summary>The most shoppers admitted per minute.</summary>
    public int AdmissionsPerMinute { get; private set; }

    /// <summary>The most shoppers holding a valid pass at once.</summary>
    public int MaxAdmitted { get; private set; }

    /// <summary>From when accounts may join.</summary>
    public DateTime OpensAt { get; private set; }

    /// <summary>
    /// When admission starts (the event's on-sale time, or the queue's opening when it has none):
    /// everyone who joined before then is shuffled into a random order at this moment.
    /// </summary>
    public DateTime AdmitsFrom { get; private set; }

    public static WaitingRoomSettings For(int eventId) => new() { EventId = eventId };

    /// <summary>Settings as a shared queue stored them (Redis), already validated when they were turned on.</summary>
    internal static WaitingRoomSettings Restore(int eventId, int admissionsPerMinute, int maxAdmitted, DateTime opensAt, DateTime admitsFrom) =>
        new() { EventId = eventId, IsOn = true, AdmissionsPerMinute = admissionsPerMinute, MaxAdmitted = maxAdmitted, OpensAt = opensAt, AdmitsFrom = admitsFrom };

    /// <summary>Turns the room on with these limits; rejects limits that would never admit anyone.</summary>
    public void TurnOn(int admissionsPerMinute, int maxAdmitted, DateTime opensAt, DateTime? onSaleAt, DateTime now)
    {
        if (admissionsPerMinute is < 1 or > MaxRate)
        {
            throw new InvalidWaitingRoomSettingsException($"Admissions per minute must be between 1 and {MaxRate}.");
        }

        if (maxAdmitted is < 1 or > MaxRate)
        {
            throw new InvalidWaitingRoomSettingsException($"The most shoppers admitted at once must be between 1 and {MaxRate}.");
        }

        // Only a sale still to come can be opened too late; a room put in front of a running sale opens now.
        if (onSaleAt is { } sale && sale > now && opensAt > sale)
        {
            throw new InvalidWaitingRoomSettingsException("The queue must open before the sale does (`Event.onSaleAt`).");
        }

        (IsOn, AdmissionsPerMinute, MaxAdmitted, OpensAt) = (true, admissionsPerMinute, maxAdmitted, opensAt);
        AdmitsFrom = onSaleAt is { } start && start > opensAt ? start : opensAt;
    }

    public void TurnOff() => IsOn = false;

    public const int MaxRate = 1_000_000;
}
