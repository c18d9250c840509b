namespace TicketMaster.GraphQL.Transport.WebSockets;

/// <summary>Limits of GraphQL over WebSocket, bound from the <c>GraphQL:WebSockets</c> configuration section.</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string SectionName = "GraphQL:WebSockets";

    /// <summary>How long a socket may stay open without <c>connection_init</c> (graphql-transport-ws closes it with 4408).</summary>
    public TimeSpan ConnectionInitWaitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The largest message a client may send, in bytes; a larger one closes the socket with 1009.</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>Operations running at once on one socket; more are answered with an error.</summary>
    public int MaxOperationsPerSocket { get; set; } = 100;

    /// <summary>
    /// Results queued per operation for a client that reads slowly; past this the oldest is dropped
    /// (the version gap tells the client). Protocol messages are never dropped.
    /// </summary>
    public int MaxQueuedResultsPerOperation { get; set; } = 256;

    /// <summary>How often the legacy graphql-ws protocol sends its <c>ka</c> keep-alive.</summary>
    public TimeSpan LegacyKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(12);
}
