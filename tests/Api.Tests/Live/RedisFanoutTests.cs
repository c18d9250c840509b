using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Live;

namespace TicketMaster.Api.Tests.Live;

/// <summary>
/// Live availability across Api instances through a real redis-server, over the real WebSocket
/// endpoint (graphql-transport-ws): what seat maps see when Redis restarts, when bookings land on
/// another instance, when one client stops reading, and when a hold runs out.
/// </summary>
public sealed class RedisFanoutTests(RedisLiveFixture live) : IClassFixture<RedisLiveFixture>
{
    private const string SeatSubscription = "subscription($id: ID!) { onSeatAvailabilityChanged(eventId: $id) { version seats { seatId status } } }";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task After_a_redis_restart_the_same_socket_gets_new_reservations_and_the_version_step_shows_what_was_missed()
    {
        await live.StartAsync();
        var token = await LiveApi.SignUpAsync(live.A);
        var (eventId, seats) = await LiveApi.EventAsync(live.A, "Redis Restart");
        await using var socket = await SubscribeAsync(live.A, eventId);
        var baseline = Version(await socket.ReceiveAsync("next"));
        await LiveApi.ReserveAsync(live.A, token, eventId, seats[0]);
        var beforeOutage = Version(await socket.ReceiveAsync("next"));

        live.Redis.Stop();
        using var health = live.A.CreateHttpClient();
        await EventuallyAsync(async () => await (await health.GetAsync("/healthz")).Content.ReadAsStringAsync() == "Degraded",
            "/healthz says Degraded while Redis is away");
        await LiveApi.ReserveAsync(live.A, token, eventId, seats[1]); // booking goes on without Redis
        await live.Redis.StartAsync();
        await EventuallyAsync(async () => await live.RedisSubscribersAsync(RedisAvailabilityBus.EventChannel(GlobalId.DecodeInt(eventId, "Event"))) == 1,
            "instance A re-subscribed to the event's channel after the restart");
        await LiveApi.ReserveAsync(live.A, token, eventId, seats[2]);
        var afterOutage = await socket.ReceiveAsync("next");
        await LiveApi.ReserveAsync(live.A, token, eventId, seats[3]);
        var next = Version(await socket.ReceiveAsync("next"));

        Assert.Equal(baseline + 1, beforeOutage);
        Assert.Equal(WebSocketState.Open, socket.Socket.State);
        Assert.Equal([seats[2]], Seats(afterOutage));
        Assert.NotEqual(beforeOutage + 1, Version(afterOutage)); // the reservation made during the outage was missed: the client refetches
        Assert.True(Version(afterOutage) > beforeOutage, "versions restart above the old ones when Redis loses the key");
        Assert.Equal(Version(afterOutage) + 1, next);
    }

    [SkippableFact]
    public async Task A_subscriber_on_one_instance_sees_reservations_made_through_both_in_version_order_with_consecutive_versions()
    {
        await live.StartAsync();
        var token = await LiveApi.SignUpAsync(live.B);
        var (eventId, seats) = await LiveApi.EventAsync(live.B, "Redis Instances");
        await using var onA = await SubscribeAsync(live.A, eventId);
        await using var onB = await SubscribeAsync(live.B, eventId);
        var baselineA = Version(await onA.ReceiveAsync("next"));
        var baselineB = Version(await onB.ReceiveAsync("next"));

        var wanted = seats.Take(12).ToArray();
        await Parallel.ForEachAsync(wanted.Select((seat, i) => (seat, api: i % 2 == 0 ? live.B : live.A)), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (booking, _) => await LiveApi.ReserveAsync(booking.api, token, eventId, booking.seat));
        var seenOnA = new List<JsonElement>();
        var seenOnB = new List<JsonElement>();
        for (var i = 0; i < wanted.Length; i++)
        {
            seenOnA.Add(await onA.ReceiveAsync("next"));
            seenOnB.Add(await onB.ReceiveAsync("next"));
        }

        Assert.Equal(baselineA, baselineB);
        Assert.Equal(Enumerable.Range(1, wanted.Length).Select(i => baselineA + i), seenOnA.Select(Version));
        Assert.Equal(wanted.Order(), seenOnA.SelectMany(Seats).Order());
        Assert.Equal(seenOnA.Select(m => (Version(m), Seats(m)[0])), seenOnB.Select(m => (Version(m), Seats(m)[0])));
    }

    [SkippableFact]
    public async Task A_client_that_stops_reading_loses_the_oldest_messages_with_a_visible_gap_while_the_others_get_every_one_and_bookings_go_on()
    {
        await live.StartAsync();
        var token = await LiveApi.SignUpAsync(live.A);
        var (eventId, seats) = await LiveApi.EventAsync(live.A, "Redis Slow");
        // Each of the stuck client's results is ~300 KB, so kernel socket buffers fill after a few
        // dozen and the server's per-operation queue has to drop.
        var heavy = "subscription($id: ID!) { onSeatAvailabilityChanged(eventId: $id) { version "
            + string.Join(' ', Enumerable.Range(0, 7000).Select(i => $"e{i}:eventId")) + " } }";
        await using var stuck = await SubscribeAsync(live.A, eventId, heavy);
        var stuckBaseline = Version(await stuck.ReceiveAsync("next"));
        await using var readerA = await SubscribeAsync(live.A, eventId);
        await using var readerB = await SubscribeAsync(live.B, eventId);
        var baseline = Version(await readerA.ReceiveAsync("next"));
        await readerB.ReceiveAsync("next");

        var reservations = seats.Take(100).ToArray();
        var gotA = new List<long>();
        var gotB = new List<long>();
        var slowest = TimeSpan.Zero;
        foreach (var seat in reservations)
        {
            var started = Stopwatch.GetTimestamp();
            await LiveApi.ReserveAsync(live.A, token, eventId, seat);
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, Stopwatch.GetElapsedTime(started).Ticks));
            gotA.Add(Version(await readerA.ReceiveAsync("next")));
            gotB.Add(Version(await readerB.ReceiveAsync("next")));
        }

        var last = baseline + reservations.Length;
        var gotStuck = new List<long>();
        JsonElement stuckLast = default;
        while (gotStuck.LastOrDefault() < last)
        {
            stuckLast = await stuck.ReceiveAsync("next");
            gotStuck.Add(Version(stuckLast));
        }

        var everyVersion = Enumerable.Range(1, reservations.Length).Select(i => baseline + i).ToList();
        Assert.Equal(everyVersion, gotA);
        Assert.Equal(everyVersion, gotB);
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"a reservation took {slowest} while a client was stuck");
        Assert.Equal(stuckBaseline, baseline);
        Assert.True(gotStuck.Count < reservations.Length, $"the stuck client got all {gotStuck.Count} messages: nothing was dropped");
        Assert.Equal(gotStuck.Order(), gotStuck);
        Assert.Contains(gotStuck.Zip(gotStuck.Skip(1)), pair => pair.Second - pair.First > 1);
        Assert.Equal(WebSocketState.Open, stuck.Socket.State);
        Assert.Equal(eventId, Change(stuckLast).GetProperty("e6999").GetString()); // each subscriber gets the shape it asked for
    }

    [SkippableFact]
    public async Task A_buyer_subscribed_on_one_instance_is_told_a_hold_made_on_the_other_is_expiring_soon_then_expired_and_can_no_longer_buy()
    {
        await live.StartAsync();
        var token = await LiveApi.SignUpAsync(live.A);
        var (eventId, seats) = await LiveApi.EventAsync(live.A, "Redis Expiry");
        await using var socket = await LiveApi.ConnectAsync(live.A);
        await socket.InitAsync(token);
        await socket.SendAsync(new { id = "mine", type = "subscribe", payload = new { query = "subscription { onMyReservationChanged { kind reservationId expiresAt } }" } });
        await EventuallyAsync(async () => await live.RedisSubscribersAsync(RedisAvailabilityBus.UserChannel(await UserIdAsync(token))) == 1,
            "instance A subscribed to the buyer's channel");

        var reservation = await LiveApi.ReserveAsync(live.B, token, eventId, seats[0]);
        var expiresAt = reservation.ExpiresAt;
        var held = Change(await socket.ReceiveAsync("next"));
        var soon = Change(await socket.ReceiveAsync("next"));
        var soonAt = DateTime.UtcNow;
        var expired = Change(await socket.ReceiveAsync("next"));
        var expiredAt = DateTime.UtcNow;
        var confirm = await new GraphQLClient(live.B.CreateHttpClient()).WithToken(token).DataAsync(
            "mutation($input: ConfirmReservationInput!) { confirmReservation(input: $input) { errors { __typename } } }",
            new { input = new { reservationId = reservation.Id, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString() } });

        Assert.Equal(["HELD", "EXPIRING_SOON", "EXPIRED"], new[] { held, soon, expired }.Select(c => c.GetProperty("kind").GetString()));
        Assert.All(new[] { held, soon, expired }, c => Assert.Equal(reservation.Id, c.GetProperty("reservationId").GetString()));
        Assert.InRange(soonAt, expiresAt - RedisLiveFixture.ExpiringSoonNotice - TimeSpan.FromSeconds(1), expiresAt);
        Assert.True(expiredAt >= expiresAt, $"EXPIRED came at {expiredAt:O}, before the hold ran out at {expiresAt:O}");
        Assert.Equal("ReservationExpiredError", confirm.GetProperty("confirmReservation").GetProperty("errors")[0].GetProperty("__typename").GetString());
    }

    [SkippableFact]
    public async Task An_instance_subscribes_to_an_events_redis_channel_while_it_has_subscribers_and_leaves_it_when_the_last_one_goes()
    {
        await live.StartAsync();
        var token = await LiveApi.SignUpAsync(live.A);
        var (eventId, seats) = await LiveApi.EventAsync(live.A, "Redis Expiry");
        var channel = RedisAvailabilityBus.EventChannel(GlobalId.DecodeInt(eventId, "Event"));
        var first = await SubscribeAsync(live.A, eventId);
        var second = await SubscribeAsync(live.A, eventId);
        await first.ReceiveAsync("next");
        var baseline = Version(await second.ReceiveAsync("next"));
        var whileWatched = await live.RedisSubscribersAsync(channel);

        await first.DisposeAsync();
        await LiveApi.ReserveAsync(live.A, token, eventId, seats[^1]);
        var stillDelivered = Version(await second.ReceiveAsync("next"));
        await second.DisposeAsync();

        Assert.Equal(1, whileWatched); // one Redis subscription per instance, however many sockets
        Assert.Equal(baseline + 1, stillDelivered);
        await EventuallyAsync(async () => await live.RedisSubscribersAsync(channel) == 0, "the instance unsubscribed after its last subscriber left");
    }

    private async Task<int> UserIdAsync(string token)
    {
        var me = await new GraphQLClient(live.A.CreateHttpClient()).WithToken(token).DataAsync("{ me { id } }");
        return GlobalId.DecodeInt(me.GetProperty("me").GetProperty("id").GetString()!, "User");
    }

    private static async Task<LiveSocket> SubscribeAsync(ApiHost api, string eventId, string query = SeatSubscription)
    {
        var socket = await LiveApi.ConnectAsync(api);
        await socket.InitAsync();
        await socket.SendAsync(new { id = "map", type = "subscribe", payload = new { query, variables = new { id = eventId } } });
        return socket;
    }

    private static JsonElement Change(JsonElement next) => next.GetProperty("payload").GetProperty("data").EnumerateObject().Single().Value;

    private static long Version(JsonElement next) => Change(next).GetProperty("version").GetInt64();

    private static string[] Seats(JsonElement next) => Change(next).GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatId").GetString()!).ToArray();

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <see cref="Deadline"/>.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Deadline.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            Assert.True(Stopwatch.GetTimestamp() < deadline, $"not within {Deadline}: {what}");
            await Task.Delay(50);
        }
    }
}
