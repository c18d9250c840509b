namespace TicketMaster.Live;

/// <summary>Live availability settings, bound from the <c>Availability</c> configuration section.</summary>
public sealed class AvailabilityOptions
{
    public const string SectionName = "Availability";

    /// <summary>
    /// Where changes fan out: <see cref="AvailabilityBusKind.InMemory"/> within this process (one Api
    /// instance), or <see cref="AvailabilityBusKind.Redis"/> across every instance sharing
    /// <c>ConnectionStrings:Redis</c>.
    /// </summary>
    public AvailabilityBusKind Bus { get; set; } = AvailabilityBusKind.InMemory;

    /// <summary>
    /// Messages buffered per subscription before the oldest is dropped. A client that cannot keep
    /// up loses messages, sees the version gap and refetches; it never slows anyone else.
    /// </summary>
    public int SubscriberBuffer { get; set; } = 256;

    /// <summary>
    /// The shortest time between two counts of one event's seats: changes arriving faster share
    /// one count query, so a busy onsale costs at most one COUNT per event per interval.
    /// </summary>
    public TimeSpan CountInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How often a changing event's seats are counted in full. Counts in between recount only the
    /// sections whose seats changed (a hot onsale touches a few of an arena's 40), so a hold that
    /// lapsed in a quiet section shows as available in the counts at most this late.
    /// </summary>
    public TimeSpan FullCountInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long before a reservation runs out its owner's feed says EXPIRING_SOON.</summary>
    public TimeSpan ExpiringSoonNotice { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most events one onEventAvailabilityChanged may watch (a list page's worth).</summary>
    public int MaxEventsPerSubscription { get; set; } = 100;
}

public enum AvailabilityBusKind
{
    InMemory,
    Redis,
}
