namespace TicketMaster.GraphQL.Transport;

/// <summary>
/// Bound from <c>GraphQL:Subscriptions</c>: how many live streams one client address, one account and
/// the whole instance may hold, over WebSockets and Server-Sent Events together. A client past a limit
/// is refused (WebSocket close 4429 or a <c>TOO_MANY_SUBSCRIPTIONS</c> operation error, SSE 429); the
/// subscribers already running are not touched.
/// </summary>
public sealed class SubscriptionLimitOptions
{
    public const string SectionName = "GraphQL:Subscriptions";

    /// <summary>WebSocket connections and SSE streams open at once from one address (an IPv6 /64 counts as one).</summary>
    public int MaxConnectionsPerAddress { get; set; } = 50;

    /// <summary>Subscriptions running at once from one address; a household or office NAT shares it.</summary>
    public int MaxSubscriptionsPerAddress { get; set; } = 200;

    /// <summary>Subscriptions running at once for one signed-in account, from any address.</summary>
    public int MaxSubscriptionsPerAccount { get; set; } = 100;

    /// <summary>Subscriptions running at once on this Api instance; scale out (Availability:Bus=Redis) past it.</summary>
    public int MaxSubscriptionsPerInstance { get; set; } = 20_000;
}
