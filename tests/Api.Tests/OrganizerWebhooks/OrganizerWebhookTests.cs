using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Relay;

namespace TicketMaster.Api.Tests.OrganizerWebhooks;

/// <summary>Organizers' signed webhooks, delivered by the notification pipeline to a real HTTP receiver.</summary>
public abstract class OrganizerWebhookTests(WebhookScene scene)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const string Add = "mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { webhookEndpoint { id url events } signingSecret errors { __typename ... on WebhookUrlRefusedError { reason } } } }";

    private const string Deliveries = "query { myWebhookEndpoints { nodes { id url deliveries { nodes { id kind channel status attempts lastError sentAt } } } } }";

    [SkippableFact]
    public async Task A_paid_order_reaches_the_receiver_signed_and_a_500_is_retried_until_it_is_delivered_once()
    {
        var organizer = scene.ClientFor(scene.Organizer);
        var path = scene.Receiver.Path(200, 500);
        var added = (await organizer.DataAsync(Add, new { input = new { eventId = scene.MainEventId, url = scene.Receiver.BaseUrl + path, events = new[] { "ORDER_PAID" } } })).GetProperty("addWebhookEndpoint");
        var secret = added.GetProperty("signingSecret").GetString()!;

        await scene.BuyAsync(scene.MainEventId, count: 2);

        var received = await scene.Receiver.WaitForAsync(path, r => r.Any(x => x.Status == 200), Patience);
        Assert.Equal([500, 200], received.Select(r => r.Status));
        Assert.Single(received.Select(r => r.DeliveryId).Distinct());
        Assert.Single(received.Select(r => r.Body).Distinct());
        foreach (var request in received)
        {
            Assert.True(Verifies(request, secret), $"Signature {request.Signature} does not verify");
            Assert.False(Verifies(request, secret + "x"));
        }

        using var body = JsonDocument.Parse(received[0].Body);
        Assert.Equal("order.paid", body.RootElement.GetProperty("type").GetString());
        Assert.StartsWith("evt_", body.RootElement.GetProperty("id").GetString());
        Assert.Equal(scene.MainEventId, body.RootElement.GetProperty("data").GetProperty("eventId").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("data").GetProperty("ticketCount").GetInt32());
        var delivery = await DeliveryAsync(organizer, added.GetProperty("webhookEndpoint").GetProperty("id").GetString()!, d => d.GetProperty("status").GetString() == "SENT");
        Assert.Equal(("order.paid", "WEBHOOK", 2), (delivery.GetProperty("kind").GetString(), delivery.GetProperty("channel").GetString(), delivery.GetProperty("attempts").GetInt32()));
        Assert.Equal(received[0].DeliveryId, GlobalId.TryDecode(delivery.GetProperty("id").GetString(), out _, out var key) ? key : "");
        Assert.Equal(2, scene.Receiver.At(path).Count);
    }

    [SkippableFact]
    public async Task A_receiver_that_keeps_failing_leaves_the_delivery_dead_and_redeliver_sends_it_again()
    {
        var organizer = scene.ClientFor(scene.Organizer);
        var path = scene.Receiver.Path(500);
        var added = (await organizer.DataAsync(Add, new { input = new { eventId = scene.OtherEventId, url = scene.Receiver.BaseUrl + path, events = new[] { "ORDER_PAID", "EVENT_CANCELLED" } } })).GetProperty("addWebhookEndpoint");
        var endpointId = added.GetProperty("webhookEndpoint").GetProperty("id").GetString()!;

        await scene.BuyAsync(scene.OtherEventId);

        var dead = await DeliveryAsync(organizer, endpointId, d => d.GetProperty("status").GetString() == "DEAD");
        Assert.Equal(3, dead.GetProperty("attempts").GetInt32());
        Assert.Contains("500", dead.GetProperty("lastError").GetString());
        Assert.Equal(3, scene.Receiver.At(path).Count);

        const string Redeliver = "mutation($id: ID!) { redeliverWebhook(input: { notificationId: $id }) { delivery { status } errors { __typename } } }";
        var foreign = await scene.ClientFor(scene.OtherOrganizer).DataAsync(Redeliver, new { id = dead.GetProperty("id").GetString() });
        Assert.Equal("WebhookDeliveryNotFoundError", foreign.GetProperty("redeliverWebhook").GetProperty("errors")[0].GetProperty("__typename").GetString());
        scene.Receiver.Heal(path);
        var again = await organizer.DataAsync(Redeliver, new { id = dead.GetProperty("id").GetString() });

        Assert.Equal("PENDING", again.GetProperty("redeliverWebhook").GetProperty("delivery").GetProperty("status").GetString());
        var sent = await DeliveryAsync(organizer, endpointId, d => d.GetProperty("status").GetString() == "SENT");
        Assert.Equal(1, sent.GetProperty("attempts").GetInt32());
        Assert.Equal(200, scene.Receiver.At(path)[^1].Status);
        Assert.Single(scene.Receiver.At(path).Select(r => r.DeliveryId).Distinct());
    }

    [SkippableFact]
    public async Task A_rescheduled_event_is_delivered_with_its_new_and_old_start_only_to_endpoints_that_asked()
    {
        var organizer = scene.ClientFor(scene.Organizer);
        var (asked, notAsked) = (scene.Receiver.Path(200), scene.Receiver.Path(200));
        await organizer.DataAsync(Add, new { input = new { eventId = scene.MainEventId, url = scene.Receiver.BaseUrl + asked, events = new[] { "EVENT_RESCHEDULED" } } });
        await organizer.DataAsync(Add, new { input = new { eventId = scene.MainEventId, url = scene.Receiver.BaseUrl + notAsked, events = new[] { "EVENT_CANCELLED" } } });
        var newStart = DateTime.UtcNow.AddDays(40).Date.AddHours(20);
        Assert.True(GlobalId.TryDecode(scene.MainEventId, out _, out var key));

        await scene.InDatabaseAsync(async db =>
        {
            var id = int.Parse(key, CultureInfo.InvariantCulture);
            var show = await db.Events.Include(e => e.Venue).SingleAsync(e => e.Id == id);
            show.Reschedule(newStart, null, null, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var received = await scene.Receiver.WaitForAsync(asked, r => r.Count > 0, Patience);
        using var body = JsonDocument.Parse(received[0].Body);
        Assert.Equal("event.rescheduled", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(newStart, body.RootElement.GetProperty("data").GetProperty("startsAt").GetDateTime().ToUniversalTime());
        Assert.True(body.RootElement.GetProperty("data").TryGetProperty("previousStartsAt", out _));
        Assert.Empty(scene.Receiver.At(notAsked));
    }

    [SkippableFact]
    public async Task Anonymous_and_foreign_callers_can_neither_add_nor_see_nor_remove_an_organizers_endpoints()
    {
        var organizer = scene.ClientFor(scene.Organizer);
        var stranger = scene.ClientFor(scene.OtherOrganizer);
        var input = new { input = new { eventId = scene.MainEventId, url = scene.Receiver.BaseUrl + scene.Receiver.Path(200), events = new[] { "EVENT_CANCELLED" } } };
        var mine = (await organizer.DataAsync(Add, input)).GetProperty("addWebhookEndpoint").GetProperty("webhookEndpoint").GetProperty("id").GetString();

        Assert.Contains("AUTH_NOT_AUTHENTICATED", await scene.Anonymous.ErrorCodesAsync(Add, input));
        Assert.Contains("AUTH_NOT_AUTHENTICATED", await scene.Anonymous.ErrorCodesAsync(Deliveries));
        var refused = (await stranger.DataAsync(Add, input)).GetProperty("addWebhookEndpoint");
        Assert.Equal("NotAuthorizedError", refused.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("signingSecret").ValueKind);
        Assert.Equal(0, (await stranger.DataAsync(Deliveries)).GetProperty("myWebhookEndpoints").GetProperty("nodes").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, (await stranger.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = mine })).GetProperty("node").ValueKind);
        const string Remove = "mutation($id: ID!) { removeWebhookEndpoint(input: { webhookEndpointId: $id }) { removedWebhookEndpointId errors { __typename } } }";
        var removedByStranger = await stranger.DataAsync(Remove, new { id = mine });
        Assert.Equal("WebhookEndpointNotFoundError", removedByStranger.GetProperty("removeWebhookEndpoint").GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Contains(mine, Ids(await organizer.DataAsync(Deliveries)));

        var removed = await organizer.DataAsync(Remove, new { id = mine });

        Assert.Equal(mine, removed.GetProperty("removeWebhookEndpoint").GetProperty("removedWebhookEndpointId").GetString());
        Assert.DoesNotContain(mine, Ids(await organizer.DataAsync(Deliveries)));
    }

    [SkippableFact]
    public async Task Bad_input_gets_a_typed_error_and_adds_nothing()
    {
        var organizer = scene.ClientFor(scene.Organizer);
        var before = Ids(await organizer.DataAsync(Deliveries));

        var noTypes = (await organizer.DataAsync(Add, new { input = new { eventId = scene.MainEventId, url = scene.Receiver.BaseUrl + "/x", events = Array.Empty<string>() } })).GetProperty("addWebhookEndpoint");
        var ftp = (await organizer.DataAsync(Add, new { input = new { eventId = scene.MainEventId, url = "ftp://example.com/hook", events = new[] { "ORDER_PAID" } } })).GetProperty("addWebhookEndpoint");

        Assert.Equal("WebhookEventTypesMissingError", noTypes.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal("WebhookUrlRefusedError", ftp.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Contains("https", ftp.GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.Equal(before, Ids(await organizer.DataAsync(Deliveries)));
    }

    /// <summary>What a receiver does: recompute the HMAC of "t.body" with the secret and compare in constant time.</summary>
    private static bool Verifies(WebhookReceiver.Received request, string secret)
    {
        var parts = request.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{request.Body}"));
        var age = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(parts["t"], CultureInfo.InvariantCulture);
        return age is >= 0 and < 300 && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"]));
    }

    private static List<string> Ids(JsonElement data) =>
        data.GetProperty("myWebhookEndpoints").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).Order().ToList();

    private static async Task<JsonElement> DeliveryAsync(GraphQLClient organizer, string endpointId, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var endpoint = (await organizer.DataAsync(Deliveries)).GetProperty("myWebhookEndpoints").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == endpointId);
            var deliveries = endpoint.GetProperty("deliveries").GetProperty("nodes");
            if (deliveries.GetArrayLength() == 1 && done(deliveries[0]))
            {
                return deliveries[0].Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not done within {Patience}: {deliveries}");
            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteWebhookCollection : ICollectionFixture<SqliteWebhookScene>
{
    public const string Name = "Webhooks on SQLite";
}

[CollectionDefinition(Name)]
public sealed class MariaDbWebhookCollection : ICollectionFixture<MariaDbWebhookScene>
{
    public const string Name = "Webhooks on MariaDB";
}

[Collection(SqliteWebhookCollection.Name)]
public sealed class OrganizerWebhooksOnSqlite(SqliteWebhookScene scene) : OrganizerWebhookTests(scene);

[Collection(MariaDbWebhookCollection.Name)]
public sealed class OrganizerWebhooksOnMariaDb(MariaDbWebhookScene scene) : OrganizerWebhookTests(scene);
