namespace TicketMaster.Booking;

/// <summary>Bound from the <c>Booking</c> configuration section.</summary>
public sealed class BookingOptions
{
    public const string SectionName = "Booking";

    public TimeSpan HoldDuration { get; set; } = Hold.DefaultDuration;

    public int MaxSeatsPerReservation { get; set; } = 8;

    public int MaxActiveHoldsPerEvent { get; set; } = 2;

    /// <summary>How long a charge may take before the attempt is recorded as failed.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Network delay the simulated gateway adds to every charge, for realistic benchmarks.</summary>
    public TimeSpan SimulatedPaymentLatency { get; set; } = TimeSpan.Zero;

    /// <summary>How often the expiry sweep looks for lapsed holds.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many lapsed holds one sweep ends at most; the next sweep takes the rest.</summary>
    public int ExpirySweepBatchSize { get; set; } = 500;

    /// <summary>
    /// Test-only: reads the seats without <c>FOR UPDATE</c>, so a test can show that without the
    /// row lock concurrent buyers oversell. Never set in configuration.
    /// </summary>
    internal bool UnsafeSkipRowLocks { get; set; }
}
