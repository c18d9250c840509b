namespace TicketMaster.Indexer.Outbox;

/// <summary>Bound from the <c>Indexer</c> configuration section.</summary>
public sealed class IndexerOptions
{
    public const string SectionName = "Indexer";

    /// <summary>The Api hosts the indexing job itself (the embedded default); set false when src/Indexer runs as its own process.</summary>
    public bool RunInApi { get; set; } = true;

    /// <summary>How often the job looks at the outbox.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Outbox messages read, and documents written, per batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long a gap in outbox ids may be an uncommitted transaction (MySQL hands out ids at
    /// insert, commits may land out of order). The checkpoint does not move past a younger gap.
    /// </summary>
    public TimeSpan GapWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A file touched after every run of the job, for a container health check; none when unset.</summary>
    public string? HeartbeatFile { get; set; }
}
