namespace TicketMaster.WaitingRoom;

/// <summary>Bound from the <c>WaitingRoom</c> configuration section.</summary>
public sealed class WaitingRoomOptions
{
    public const string SectionName = "WaitingRoom";

    /// <summary>How long an admission pass lets its holder reserve; when it runs out the place is freed.</summary>
    public TimeSpan PassDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How many admissions may bank up while nobody is waiting, in seconds of the configured rate:
    /// bounds the burst after a quiet spell, so a minute never sees much more than the rate.
    /// </summary>
    public double BurstSeconds { get; set; } = 5;

    /// <summary>
    /// How long an instance trusts what it last read of a room's settings from the shared queue
    /// (Redis), so reserving for an event without a room costs no round trip; a room turned on
    /// elsewhere applies here within this time.
    /// </summary>
    public TimeSpan SettingsCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often <c>onQueuePositionChanged</c> looks at a place; it sends at most this often.</summary>
    public TimeSpan PositionUpdateInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>onQueuePositionChanged</c> stays silent while a place waits, so a client knows it is alive.</summary>
    public TimeSpan PositionHeartbeat { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many joins one client address may make per minute; zero turns the limit off.</summary>
    public int JoinsPerMinutePerAddress { get; set; } = 60;

    /// <summary>The seed of the opening draw; null draws from the system's randomness (tests fix it).</summary>
    public int? ShuffleSeed { get; set; }
}
