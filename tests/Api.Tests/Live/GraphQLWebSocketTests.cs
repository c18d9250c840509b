using System.Text.Json;

namespace TicketMaster.Api.Tests.Live;

/// <summary>The graphql-transport-ws protocol's rules, each as a client would run into it, over a raw WebSocket.</summary>
public sealed class GraphQLWebSocketTests(LiveFixture live) : IClassFixture<LiveFixture>
{
    private const string SeatSubscription = "subscription($id: ID!) { onSeatAvailabilityChanged(eventId: $id) { version seats { seatId status } availability { available held } } }";

    [Fact]
    public async Task Connection_init_is_acknowledged_and_a_ping_gets_a_pong()
    {
        await using var socket = await live.ConnectAsync();

        await socket.InitAsync();
        await socket.SendAsync(new { type = "ping" });

        Assert.Equal("graphql-transport-ws", socket.Socket.SubProtocol);
        Assert.Equal("pong", (await socket.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_socket_without_connection_init_is_closed_with_4408_after_the_init_timeout()
    {
        await using var api = await live.StartApiWithShortInitTimeoutAsync();
        await using var socket = await LiveApi.ConnectAsync(api, "graphql-transport-ws");

        var started = DateTime.UtcNow;
        var status = await socket.ClosedWithAsync();

        Assert.Equal(4408, status);
        Assert.True(DateTime.UtcNow - started >= LiveFixture.InitTimeout * 0.8, "closed before the timeout ran out");
    }

    [Fact]
    public async Task Subscribing_before_the_ack_is_closed_with_4401()
    {
        await using var socket = await live.ConnectAsync();

        await socket.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ __typename }" } });

        Assert.Equal(4401, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task A_second_connection_init_is_closed_with_4429()
    {
        await using var socket = await live.ConnectAsync();
        await socket.InitAsync();

        await socket.SendAsync(new { type = "connection_init" });

        Assert.Equal(4429, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task An_invalid_access_token_in_connection_init_is_closed_with_4403()
    {
        await using var socket = await live.ConnectAsync();

        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer not-a-token" } });

        Assert.Equal(4403, await socket.ClosedWithAsync());
    }

    [Theory]
    [InlineData("""{"type":"subscribe_please"}""")]
    [InlineData("""not json""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":1}}""")]
    public async Task An_invalid_message_is_closed_with_4400(string message)
    {
        await using var socket = await live.ConnectAsync();
        await socket.InitAsync();

        await socket.SendTextAsync(message);

        Assert.Equal(4400, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task A_second_subscribe_with_a_running_id_is_closed_with_4409()
    {
        var (eventId, _) = await live.EventAsync("Live Three");
        await using var socket = await live.ConnectAsync();
        await socket.InitAsync();
        await socket.SendAsync(new { id = "same", type = "subscribe", payload = new { query = SeatSubscription, variables = new { id = eventId } } });
        await socket.ReceiveAsync("next");

        await socket.SendAsync(new { id = "same", type = "subscribe", payload = new { query = SeatSubscription, variables = new { id = eventId } } });

        Assert.Equal(4409, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task Without_a_known_subprotocol_the_socket_is_closed_with_4406()
    {
        await using var socket = await live.ConnectAsync(subprotocol: "");

        Assert.Equal(4406, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task Queries_and_mutations_run_over_the_socket_and_invalid_ones_get_an_error_message()
    {
        var token = await live.SignUpAsync();
        await using var socket = await live.ConnectAsync();
        await socket.InitAsync(token);

        await socket.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ me { username } }" } });
        var me = await socket.ReceiveAsync("next");
        Assert.Equal("complete", (await socket.ReceiveAsync()).GetProperty("type").GetString());
        await socket.SendAsync(new { id = "bad", type = "subscribe", payload = new { query = "{ noSuchField }" } });
        var error = await socket.ReceiveAsync("error");

        Assert.Equal("q", me.GetProperty("id").GetString());
        Assert.StartsWith("live", me.GetProperty("payload").GetProperty("data").GetProperty("me").GetProperty("username").GetString(), StringComparison.Ordinal);
        Assert.Equal("bad", error.GetProperty("id").GetString());
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task My_reservations_need_the_token_and_an_anonymous_subscriber_gets_an_error_message()
    {
        await using var socket = await live.ConnectAsync();
        await socket.InitAsync();

        await socket.SendAsync(new { id = "mine", type = "subscribe", payload = new { query = "subscription { onMyReservationChanged { kind } }" } });
        var error = await socket.ReceiveAsync("error");

        Assert.Equal("AUTH_NOT_AUTHENTICATED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_reservation_reaches_a_seat_map_subscriber_with_the_next_version_the_seats_and_the_counts()
    {
        var token = await live.SignUpAsync();
        var (eventId, seats) = await live.EventAsync("Live One");
        await using var socket = await live.ConnectAsync();
        await socket.InitAsync();
        await socket.SendAsync(new { id = "map", type = "subscribe", payload = new { query = SeatSubscription, variables = new { id = eventId } } });
        var current = Change(await socket.ReceiveAsync("next"));

        await live.ReserveAsync(token, eventId, seats[0], seats[1]);
        var change = Change(await socket.ReceiveAsync("next"));

        Assert.Equal(0, current.GetProperty("seats").GetArrayLength());
        Assert.Equal(current.GetProperty("version").GetInt64() + 1, change.GetProperty("version").GetInt64());
        Assert.Equal([(seats[0], "HELD"), (seats[1], "HELD")], change.GetProperty("seats").EnumerateArray().Select(s => (s.GetProperty("seatId").GetString(), s.GetProperty("status").GetString())));
        Assert.Equal(current.GetProperty("availability").GetProperty("available").GetInt32() - 2, change.GetProperty("availability").GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task The_buyer_sees_their_reservation_held_then_confirmed_and_a_list_page_sees_the_counts()
    {
        var token = await live.SignUpAsync();
        var (eventId, seats) = await live.EventAsync("Live Two");
        await using var socket = await live.ConnectAsync();
        await socket.InitAsync(token);
        await socket.SendAsync(new { id = "mine", type = "subscribe", payload = new { query = "subscription { onMyReservationChanged { kind reservationId reservation { status } } }" } });
        await socket.SendAsync(new { id = "list", type = "subscribe", payload = new { query = "subscription($ids: [ID!]!) { onEventAvailabilityChanged(eventIds: $ids) { eventId version availability { sold } } }", variables = new { ids = new[] { eventId } } } });
        var before = await socket.ReceiveAsync("next"); // the list's current counts: both subscriptions are running

        var stash = new Dictionary<string, Queue<JsonElement>>();
        var reservation = await live.ReserveAsync(token, eventId, seats[^1]);
        var held = await NextOfAsync(socket, "mine", stash);
        var confirmed = await new Support.GraphQLClient(live.Api.CreateHttpClient()).WithToken(token).DataAsync(
            "mutation($input: ConfirmReservationInput!) { confirmReservation(input: $input) { errors { __typename } } }",
            new { input = new { reservationId = reservation.Id, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() } });
        var bought = await NextOfAsync(socket, "mine", stash);
        JsonElement counts;
        do
        {
            counts = await NextOfAsync(socket, "list", stash);
        }
        while (counts.GetProperty("availability").GetProperty("sold").GetInt32() == 0);

        Assert.Equal("list", before.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("confirmReservation").GetProperty("errors").ValueKind);
        Assert.Equal(("HELD", "HELD"), (held.GetProperty("kind").GetString(), held.GetProperty("reservation").GetProperty("status").GetString()));
        Assert.Equal(("CONFIRMED", "CONFIRMED"), (bought.GetProperty("kind").GetString(), bought.GetProperty("reservation").GetProperty("status").GetString()));
        Assert.Equal(reservation.Id, bought.GetProperty("reservationId").GetString());
        Assert.Equal(1, counts.GetProperty("availability").GetProperty("sold").GetInt32());
    }

    private static JsonElement Change(JsonElement next) => next.GetProperty("payload").GetProperty("data").GetProperty("onSeatAvailabilityChanged");

    /// <summary>The next result of operation <paramref name="id"/>; other operations' results wait in <paramref name="stash"/>.</summary>
    private static async Task<JsonElement> NextOfAsync(LiveSocket socket, string id, Dictionary<string, Queue<JsonElement>> stash)
    {
        while (!(stash.TryGetValue(id, out var queued) && queued.Count > 0))
        {
            var message = await socket.ReceiveAsync("next");
            var data = message.GetProperty("payload").GetProperty("data").EnumerateObject().Single().Value;
            var owner = message.GetProperty("id").GetString()!;
            if (!stash.TryGetValue(owner, out var list))
            {
                stash[owner] = list = new Queue<JsonElement>();
            }

            list.Enqueue(data);
        }

        return stash[id].Dequeue();
    }
}
