using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.Live;

/// <summary>
/// The real Api on SQLite with three events on sale (80 seats each), for the subscription tests.
/// Each test signs up buyers of its own.
/// </summary>
public sealed class LiveFixture : IAsyncLifetime
{
    /// <summary>
    /// The init timeout of <see cref="StartApiWithShortInitTimeoutAsync"/>. The shared Api keeps a
    /// long one: with 500 ms for every test, a loaded machine sometimes closed a socket with 4408
    /// before its (invalid) connection_init had been read, and the test expecting 4403 failed.
    /// </summary>
    public static readonly TimeSpan InitTimeout = TimeSpan.FromMilliseconds(500);

    private TestDatabase _database = null!;

    public ApiHost Api { get; private set; } = null!;

    public Uri GraphQLUrl => new(Api.ServerAddress, "/graphql");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "live");
        await using (var db = _database.CreateContext())
        {
            var organizer = TestData.User("olga", Role.Organizer);
            var venue = TestData.Venue("Live Hall", rows: 4, seatsPerRow: 10);
            db.AddRange(organizer, venue);
            await db.SaveChangesAsync();
            var events = new[] { "Live One", "Live Two", "Live Three" }.Select(name => TestData.Event(venue, organizer.Id, name: name)).ToList();
            events.ForEach(e => e.PutOnSale());
            db.Events.AddRange(events);
            await db.SaveChangesAsync();
            foreach (var scheduled in events)
            {
                await BulkInserter.InsertAsync(db, scheduled.CreateInventory(venue), CancellationToken.None);
            }
        }

        Api = await ApiHost.StartAsync(Settings(TimeSpan.FromSeconds(30)));
    }

    /// <summary>A second Api on the same database whose sockets must send connection_init within <see cref="InitTimeout"/>.</summary>
    public Task<ApiHost> StartApiWithShortInitTimeoutAsync() => ApiHost.StartAsync(Settings(InitTimeout));

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Dictionary<string, string?> Settings(TimeSpan initTimeout) => new(_database.AppSettings)
    {
        ["DemoData:Size"] = "None",
        ["GraphQL:WebSockets:ConnectionInitWaitTimeout"] = initTimeout.ToString(),
        ["Booking:MaxActiveHoldsPerEvent"] = "50",
    };

    /// <summary>A new buyer's access token.</summary>
    public Task<string> SignUpAsync() => LiveApi.SignUpAsync(Api);

    /// <summary>An event's id and its free seats' ids.</summary>
    public Task<(string EventId, string[] Seats)> EventAsync(string name) => LiveApi.EventAsync(Api, name);

    public Task<LiveApi.Reservation> ReserveAsync(string token, string eventId, params string[] seatIds) => LiveApi.ReserveAsync(Api, token, eventId, seatIds);

    public Task<LiveSocket> ConnectAsync(string subprotocol = "graphql-transport-ws") => LiveApi.ConnectAsync(Api, subprotocol);
}

/// <summary>A raw WebSocket client that speaks JSON messages, for protocol-level tests.</summary>
public sealed class LiveSocket(ClientWebSocket socket) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public ClientWebSocket Socket { get; } = socket;

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public async Task InitAsync(string? token = null)
    {
        await SendAsync(token is null ? new { type = "connection_init" } : new { type = "connection_init", payload = new { Authorization = $"Bearer {token}" } });
        Assert.Equal("connection_ack", (await ReceiveAsync()).GetProperty("type").GetString());
    }

    /// <summary>The next message; fails the test if the socket closes or nothing comes within ten seconds.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var (message, close) = await ReceiveOrCloseAsync();
        Assert.True(message is not null, $"expected a message, the socket closed with {close} {Socket.CloseStatusDescription}");
        return message.Value;
    }

    /// <summary>The next message of type <paramref name="type"/>, skipping keep-alives.</summary>
    public async Task<JsonElement> ReceiveAsync(string type)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.GetProperty("type").GetString() == type)
            {
                return message;
            }
        }
    }

    /// <summary>The close status the server closed with; fails if a message comes instead.</summary>
    public async Task<int> ClosedWithAsync()
    {
        var (message, close) = await ReceiveOrCloseAsync();
        Assert.True(message is null, $"expected the socket to close, got {message}");
        return close!.Value;
    }

    private async Task<(JsonElement? Message, int? Close)> ReceiveOrCloseAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return (null, (int)received.CloseStatus!.Value);
            }

            text.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        using var document = JsonDocument.Parse(text.ToArray());
        return (document.RootElement.Clone(), null);
    }

    public ValueTask DisposeAsync()
    {
        Socket.Abort();
        Socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
