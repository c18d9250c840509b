using Microsoft.Extensions.Options;

namespace TicketMaster.GraphQL.Transport.WebSockets;

/// <summary>Accepts WebSocket upgrades to <c>/graphql</c> and picks the subprotocol the client asked for.</summary>
public sealed class GraphQLWebSocketEndpoint(
    IOptionsMonitor<GraphQLWebSocketOptions> options,
    GraphQLExecution execution,
    GraphQLRequestReader reader,
    global::GraphQL.IGraphQLTextSerializer serializer,
    WebSocketAuthentication authentication,
    SubscriptionLimits limits,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILoggerFactory loggers)
{
    public const string GraphQLTransportWs = "graphql-transport-ws";
    public const string LegacyGraphQLWs = "graphql-ws";

    public async Task HandleAsync(HttpContext http)
    {
        var requested = http.WebSockets.WebSocketRequestedProtocols;
        GraphQLWebSocketProtocol? protocol = requested.Contains(GraphQLTransportWs) ? GraphQLWebSocketProtocol.GraphQLTransportWs
            : requested.Contains(LegacyGraphQLWs) ? GraphQLWebSocketProtocol.LegacyGraphQLWs
            : null;
        if (protocol is null)
        {
            // As graphql-ws servers do: accept, then say why in the close frame, which every client shows.
            using var refused = await http.WebSockets.AcceptWebSocketAsync();
            await refused.CloseOutputAsync((System.Net.WebSockets.WebSocketCloseStatus)CloseCodes.SubprotocolNotAcceptable,
                $"Subprotocol not acceptable: use {GraphQLTransportWs} or {LegacyGraphQLWs}", http.RequestAborted);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(protocol == GraphQLWebSocketProtocol.GraphQLTransportWs ? GraphQLTransportWs : LegacyGraphQLWs);
        var address = http.Connection.RemoteIpAddress;
        var (connection, refusal) = limits.OpenConnection(address);
        if (connection is null)
        {
            // Accepted only to say why: a close code every client library surfaces, and no work behind it.
            await socket.CloseOutputAsync((System.Net.WebSockets.WebSocketCloseStatus)CloseCodes.TooManyConnections, refusal, http.RequestAborted);
            return;
        }

        using var _ = connection;
        var session = new GraphQLWebSocketSession(
            socket, protocol.Value, http.User, address, options.CurrentValue, execution, reader, serializer, authentication, limits, scopes, clock,
            loggers.CreateLogger<GraphQLWebSocketSession>());
        await session.RunAsync(http.RequestAborted);
    }
}
