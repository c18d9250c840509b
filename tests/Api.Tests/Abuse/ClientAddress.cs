using System.Net;
using System.Net.Sockets;

namespace TicketMaster.Api.Tests.Abuse;

/// <summary>
/// HTTP clients that connect from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so one
/// test can be an attacker and a victim on different addresses against the same real Api.
/// </summary>
public static class ClientAddress
{
    public static HttpClient From(Uri server, string localAddress) => new(Handler(localAddress)) { BaseAddress = server };

    /// <summary>A handler whose connections start at <paramref name="localAddress"/>; also for <c>ClientWebSocket</c>.</summary>
    public static SocketsHttpHandler Handler(string localAddress) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint.Host == "localhost" ? new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port) : context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
