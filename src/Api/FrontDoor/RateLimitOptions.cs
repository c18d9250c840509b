namespace TicketMaster.Api.FrontDoor;

/// <summary>
/// Settings under <c>FrontDoor:RateLimits</c>: requests to <c>/graphql</c> per window, counted per client
/// address for anonymous callers and per account for signed-in ones, and mutations per account. Login and
/// register have their own, stricter credential throttle (<c>Auth:Throttle:*</c>); subscriptions on a socket
/// are bounded by <c>GraphQL:WebSockets:MaxOperationsPerSocket</c> and <c>GraphQL:Subscriptions:*</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "FrontDoor:RateLimits";

    /// <summary>On by default; Development's appsettings turn it off so a local script is never refused.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a count lasts (fixed windows: a client may spend its allowance at the end of one and the start of the next).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per window from one anonymous client address (an IPv6 /64 is one client).</summary>
    public int AnonymousRequestsPerAddress { get; set; } = 600;

    /// <summary>Requests per window from one signed-in account, whatever its addresses.</summary>
    public int RequestsPerAccount { get; set; } = 1200;

    /// <summary>Mutations per window from one signed-in account (holds, purchases, edits cost writes and locks).</summary>
    public int MutationsPerAccount { get; set; } = 60;
}
