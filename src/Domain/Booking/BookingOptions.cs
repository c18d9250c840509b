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

    /// <summary>
    /// How long a payment may wait for the buyer to authenticate (3-D Secure); the hold is kept that
    /// long past the confirmation, never longer, and an attempt still unauthenticated then has failed.
    /// </summary>
    public TimeSpan PaymentActionWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the reconciler looks for payments in limbo; zero turns it off (tests that count statements).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many payments one reconciler run claims at most; the next run takes the rest.</summary>
    public int ReconcileBatchSize { get; set; } = 200;

    /// <summary>How many claimed payments one reconciler settles at once.</summary>
    public int ReconcileParallelism { get; set; } = 4;

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
