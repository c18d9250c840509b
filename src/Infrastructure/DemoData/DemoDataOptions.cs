namespace TicketMaster.DemoData;

public enum DemoDataSize
{
    /// <summary>Load nothing; for production databases.</summary>
    None,

    /// <summary>About 80 events in 10 venues; seeds in seconds. The default.</summary>
    Small,

    /// <summary>1,000 events in 60 venues, millions of inventory rows; for benchmarks.</summary>
    Large,
}

/// <summary>Bound from the <c>DemoData</c> configuration section.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    public DemoDataSize Size { get; set; } = DemoDataSize.Small;

    /// <summary>Same seed and same anchor day, same data.</summary>
    public int Seed { get; set; } = 2026;
}
