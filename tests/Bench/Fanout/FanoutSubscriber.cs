using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace TicketMaster.Bench.Fanout;

/// <summary>
/// One seat-map subscriber on a raw <see cref="ClientWebSocket"/> speaking graphql-transport-ws: it
/// records when each version arrives (a Stopwatch timestamp per version after its baseline), cheaply,
/// so ten thousand of them fit in one process. The observer also keeps each version's seat, which
/// ties a version to the reservation that caused it.
/// </summary>
public sealed class FanoutSubscriber
{
    public const string Query = "subscription($id: ID!) { onSeatAvailabilityChanged(eventId: $id) { version } }";
    public const string ObserverQuery = "subscription($id: ID!) { onSeatAvailabilityChanged(eventId: $id) { version seats { seatId } } }";

    private static readonly byte[] VersionProperty = "\"version\":"u8.ToArray();
    private static readonly byte[] NextType = "\"type\":\"next\""u8.ToArray();

    private readonly ClientWebSocket _socket;
    private readonly long[] _arrivals;
    private readonly bool _observer;
    private readonly Dictionary<long, string> _seats = [];
    private long _last;

    private FanoutSubscriber(ClientWebSocket socket, long baseline, int capacity, bool observer)
    {
        _socket = socket;
        Baseline = baseline;
        _last = baseline;
        _arrivals = new long[capacity];
        _observer = observer;
    }

    public long Baseline { get; }

    public long Last => Volatile.Read(ref _last);

    public int Received { get; private set; }

    /// <summary>Versions that arrived after a higher one, or twice.</summary>
    public int OutOfOrder { get; private set; }

    /// <summary>Arrival timestamp of version <c>Baseline + 1 + index</c>; 0 when it never came.</summary>
    public IReadOnlyList<long> Arrivals => _arrivals;

    /// <summary>The observer's map from version to the (global) id of the seat that changed.</summary>
    public IReadOnlyDictionary<long, string> Seats => _seats;

    public static async Task<FanoutSubscriber> ConnectAsync(Uri url, string eventId, int capacity, bool observer, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        // No WebSocket-level pings: 10,000 sockets would add noise, and loopback needs no keep-alive.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetBuffer(1024, 1024);
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            await SendAsync(socket, """{"type":"connection_init"}""", cancellationToken);
            var buffer = new byte[observer ? 64 * 1024 : 1024];
            var ack = await ReceiveAsync(socket, buffer, cancellationToken);
            if (!Encoding.UTF8.GetString(ack.Span).Contains("connection_ack", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"expected connection_ack, got {Encoding.UTF8.GetString(ack.Span)}");
            }

            var subscribe = JsonSerializer.Serialize(new { id = "s", type = "subscribe", payload = new { query = observer ? ObserverQuery : Query, variables = new { id = eventId } } });
            await SendAsync(socket, subscribe, cancellationToken);
            var first = await ReceiveAsync(socket, buffer, cancellationToken);
            var baseline = ReadVersion(first.Span) ?? throw new InvalidOperationException($"expected the current version, got {Encoding.UTF8.GetString(first.Span)}");
            var subscriber = new FanoutSubscriber(socket, baseline, capacity, observer);
            _ = subscriber.ReceiveLoopAsync(buffer);
            return subscriber;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Abort()
    {
        _socket.Abort();
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync(byte[] buffer)
    {
        try
        {
            while (true)
            {
                var message = await ReceiveAsync(_socket, buffer, CancellationToken.None);
                var arrived = Stopwatch.GetTimestamp();
                if (ReadVersion(message.Span) is not { } version)
                {
                    continue;
                }

                Received++;
                var index = version - Baseline - 1;
                if (version <= _last || index >= _arrivals.Length)
                {
                    OutOfOrder++;
                    continue;
                }

                _arrivals[index] = arrived;
                if (_observer)
                {
                    using var document = JsonDocument.Parse(message);
                    var seats = document.RootElement.GetProperty("payload").GetProperty("data").GetProperty("onSeatAvailabilityChanged").GetProperty("seats");
                    lock (_seats)
                    {
                        _seats[version] = seats[0].GetProperty("seatId").GetString()!;
                    }
                }

                Volatile.Write(ref _last, version);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Aborted at the end of the run, or the server went away: what arrived is what counts.
        }
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task<ReadOnlyMemory<byte>> ReceiveAsync(ClientWebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"the server closed the socket: {socket.CloseStatus} {socket.CloseStatusDescription}");
            }

            length += received.Count;
            if (received.EndOfMessage)
            {
                return buffer.AsMemory(0, length);
            }

            if (length == buffer.Length)
            {
                throw new InvalidOperationException("a message larger than the subscriber's buffer");
            }
        }
    }

    private static long? ReadVersion(ReadOnlySpan<byte> message)
    {
        if (message.IndexOf(NextType) < 0)
        {
            return null;
        }

        var at = message.IndexOf(VersionProperty);
        return at >= 0 && Utf8Parser.TryParse(message[(at + VersionProperty.Length)..], out long version, out _) ? version : null;
    }
}
