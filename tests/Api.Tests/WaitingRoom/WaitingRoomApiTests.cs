using System.Text.Json;
using TicketMaster.Api.Tests.Organizers;
using TicketMaster.Api.Tests.Support;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.WaitingRoom;

/// <summary>The waiting room through the real Api: turning it on, joining, admission, and reserving with the pass.</summary>
public abstract class WaitingRoomApiTests(SellingScene scene)
{
    private const string Configure = """
        mutation($input: ConfigureWaitingRoomInput!) {
          configureWaitingRoom(input: $input) { waitingRoom { isOn admissionsPerMinute maxAdmitted admitsFrom } errors { __typename ... on Error { message } } }
        }
        """;

    private const string Join = """
        mutation($eventId: ID!) { joinWaitingRoom(input: { eventId: $eventId }) {
          ticket { id status position aheadOfYou estimatedWaitSeconds admissionPass passExpiresAt } errors { __typename } } }
        """;

    private const string Leave = "mutation($eventId: ID!) { leaveWaitingRoom(input: { eventId: $eventId }) { ticket { id status } errors { __typename } } }";

    private const string Room = "query($eventId: ID!) { waitingRoom(eventId: $eventId) { isOn myTicket { id status position aheadOfYou admissionPass } } }";

    private const string Reserve = """
        mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id status } errors { __typename ... on Error { message } } } }
        """;

    [SkippableFact]
    public async Task Only_the_events_organizer_or_an_admin_turns_the_room_on()
    {
        var (eventId, _) = await OnSaleEventAsync();
        var input = new { input = new { eventId, on = true, admissionsPerMinute = 600, maxAdmitted = 2 } };

        Assert.Contains("AUTH_NOT_AUTHENTICATED", await scene.Anonymous.ErrorCodesAsync(Configure, input));
        Assert.Equal("NotAuthorizedError", ErrorOf(await Client(scene.OtherOrganizer).DataAsync(Configure, input), "configureWaitingRoom"));
        Assert.Equal("NotAuthorizedError", ErrorOf(await Client(scene.Attendee).DataAsync(Configure, input), "configureWaitingRoom"));
        Assert.Equal(JsonValueKind.Null, (await scene.Anonymous.DataAsync(Room, new { eventId })).GetProperty("waitingRoom").ValueKind);

        var byOrganizer = (await Client(scene.Organizer).DataAsync(Configure, input)).GetProperty("configureWaitingRoom").GetProperty("waitingRoom");
        Assert.True(byOrganizer.GetProperty("isOn").GetBoolean());
        Assert.Equal(2, byOrganizer.GetProperty("maxAdmitted").GetInt32());
        var byAdmin = (await Client(scene.Admin).DataAsync(Configure, new { input = new { eventId, on = true, admissionsPerMinute = 60, maxAdmitted = 5 } }))
            .GetProperty("configureWaitingRoom").GetProperty("waitingRoom");
        Assert.Equal(60, byAdmin.GetProperty("admissionsPerMinute").GetInt32());
        Assert.True((await scene.Anonymous.DataAsync(Room, new { eventId })).GetProperty("waitingRoom").GetProperty("isOn").GetBoolean());
    }

    [SkippableFact]
    public async Task Settings_that_would_never_admit_anyone_are_refused_and_change_nothing()
    {
        var (eventId, _) = await OnSaleEventAsync();

        var refused = await Client(scene.Organizer).DataAsync(Configure, new { input = new { eventId, on = true, admissionsPerMinute = 0, maxAdmitted = 2 } });

        Assert.Equal("InvalidWaitingRoomSettingsError", ErrorOf(refused, "configureWaitingRoom"));
        Assert.Equal(JsonValueKind.Null, (await scene.Anonymous.DataAsync(Room, new { eventId })).GetProperty("waitingRoom").ValueKind);
        Assert.Equal("NoWaitingRoomError", ErrorOf(await (await scene.Anonymous.SignedInBuyerAsync()).DataAsync(Join, new { eventId }), "joinWaitingRoom"));
    }

    [SkippableFact]
    public async Task With_the_room_on_only_an_admitted_shopper_reserves_with_their_own_pass_and_leaving_lets_the_next_one_in()
    {
        var (eventId, seats) = await OnSaleEventAsync();
        await ConfigureAsync(eventId, admissionsPerMinute: 6000, maxAdmitted: 1);
        var first = await scene.Anonymous.SignedInBuyerAsync("first");
        var second = await scene.Anonymous.SignedInBuyerAsync("second");

        var admitted = await TicketAsync(first, Join, eventId, "joinWaitingRoom");
        var waiting = await TicketAsync(second, Join, eventId, "joinWaitingRoom");

        Assert.Equal("ADMITTED", admitted.GetProperty("status").GetString());
        var pass = admitted.GetProperty("admissionPass").GetString()!;
        Assert.Equal("WAITING", waiting.GetProperty("status").GetString());
        Assert.Equal(1, waiting.GetProperty("position").GetInt32());
        Assert.Equal(0, waiting.GetProperty("aheadOfYou").GetInt32());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("admissionPass").ValueKind);
        Assert.Equal(waiting.GetProperty("id").GetString(), (await TicketAsync(second, Join, eventId, "joinWaitingRoom")).GetProperty("id").GetString());

        Assert.Equal("WaitingRoomPassRequiredError", await ReserveErrorAsync(second, eventId, seats[0], admissionPass: null));
        Assert.Equal("WaitingRoomPassRequiredError", await ReserveErrorAsync(second, eventId, seats[0], pass));
        Assert.Equal("WaitingRoomPassRequiredError", await ReserveErrorAsync(first, eventId, seats[0], "made-up"));
        Assert.Null(await ReserveErrorAsync(first, eventId, seats[0], pass));

        Assert.Equal("LEFT", (await TicketAsync(first, Leave, eventId, "leaveWaitingRoom")).GetProperty("status").GetString());
        var next = await PollAsync(second, eventId, t => t.GetProperty("status").GetString() == "ADMITTED");
        Assert.Equal("WaitingRoomPassExpiredError", await ReserveErrorAsync(first, eventId, seats[1], pass));
        Assert.Null(await ReserveErrorAsync(second, eventId, seats[1], next.GetProperty("admissionPass").GetString()));
    }

    [SkippableFact]
    public async Task With_the_room_turned_off_reserving_needs_no_pass()
    {
        var (eventId, seats) = await OnSaleEventAsync();
        await ConfigureAsync(eventId, admissionsPerMinute: 60, maxAdmitted: 1);
        var buyer = await scene.Anonymous.SignedInBuyerAsync();
        Assert.Equal("WaitingRoomPassRequiredError", await ReserveErrorAsync(buyer, eventId, seats[0], admissionPass: null));

        await Client(scene.Organizer).DataAsync(Configure, new { input = new { eventId, on = false, admissionsPerMinute = 60, maxAdmitted = 1 } });

        Assert.Null(await ReserveErrorAsync(buyer, eventId, seats[0], admissionPass: null));
        Assert.Equal(JsonValueKind.Null, (await buyer.DataAsync(Room, new { eventId })).GetProperty("waitingRoom").ValueKind);
    }

    [SkippableFact]
    public async Task Everyone_who_joins_before_the_sale_opens_is_placed_by_the_opening_draw_and_admitted_in_that_order()
    {
        var buyers = new List<GraphQLClient>();
        for (var i = 0; i < 6; i++)
        {
            buyers.Add(await scene.Anonymous.SignedInBuyerAsync($"early{i}"));
        }

        // Signing up hashes passwords (slow); the sale opens a few seconds after the room, time enough to join.
        var (eventId, _) = await OnSaleEventAsync(onSaleAt: DateTime.UtcNow + TimeSpan.FromSeconds(5));
        await ConfigureAsync(eventId, admissionsPerMinute: 6000, maxAdmitted: 1);
        foreach (var buyer in buyers)
        {
            var early = await TicketAsync(buyer, Join, eventId, "joinWaitingRoom");
            Assert.Equal("WAITING", early.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, early.GetProperty("position").ValueKind);
        }

        await PollAsync(buyers[0], eventId, t => t.GetProperty("status").GetString() == "ADMITTED" || t.GetProperty("position").ValueKind == JsonValueKind.Number);
        var tickets = new List<JsonElement>();
        foreach (var buyer in buyers)
        {
            tickets.Add((await buyer.DataAsync(Room, new { eventId })).GetProperty("waitingRoom").GetProperty("myTicket"));
        }

        Assert.Single(tickets, t => t.GetProperty("status").GetString() == "ADMITTED");
        Assert.Equal([1, 2, 3, 4, 5], tickets.Where(t => t.GetProperty("status").GetString() == "WAITING").Select(t => t.GetProperty("position").GetInt32()).Order());
    }

    [SkippableFact]
    public async Task A_waiting_shopper_hears_their_place_first_then_ADMITTED_with_the_pass_over_server_sent_events()
    {
        var (eventId, seats) = await OnSaleEventAsync();
        await ConfigureAsync(eventId, admissionsPerMinute: 6000, maxAdmitted: 1);
        var first = await scene.Anonymous.SignedInBuyerAsync("first");
        var token = await scene.Anonymous.RegisterBuyerAsync("second");
        var second = scene.Anonymous.WithToken(token);
        await TicketAsync(first, Join, eventId, "joinWaitingRoom");
        var ticketId = (await TicketAsync(second, Join, eventId, "joinWaitingRoom")).GetProperty("id").GetString();
        const string follow = "subscription($ticketId: ID!) { onQueuePositionChanged(ticketId: $ticketId) { id status position admissionPass } }";
        Assert.Contains("QUEUE_TICKET_NOT_FOUND", (await first.FirstStreamedAsync(follow, new { ticketId })).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var messages = Streamed(token, follow, new { ticketId }, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await messages.MoveNextAsync());
        Assert.Equal(1, messages.Current.GetProperty("position").GetInt32());
        Assert.Equal("WAITING", messages.Current.GetProperty("status").GetString());

        await TicketAsync(first, Leave, eventId, "leaveWaitingRoom");

        JsonElement last;
        do
        {
            Assert.True(await messages.MoveNextAsync(), "The stream ended before ADMITTED.");
            last = messages.Current;
        }
        while (last.GetProperty("status").GetString() == "WAITING");

        Assert.Equal("ADMITTED", last.GetProperty("status").GetString());
        Assert.Null(await ReserveErrorAsync(second, eventId, seats[0], last.GetProperty("admissionPass").GetString()));
        Assert.False(await messages.MoveNextAsync(), "The stream goes on after ADMITTED.");
    }

    /// <summary>The <c>onQueuePositionChanged</c> payloads of a subscription over SSE, until the server ends it.</summary>
    private async IAsyncEnumerable<JsonElement> Streamed(string token, string query, object variables, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var http = scene.Api.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await stream.ReadLineAsync(cancellationToken) is { } line)
        {
            // graphql-sse ends with an empty `complete` event.
            if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Length > "data: ".Length && JsonDocument.Parse(line["data: ".Length..]).RootElement is var message
                && message.TryGetProperty("data", out var data))
            {
                yield return data.GetProperty("onQueuePositionChanged").Clone();
            }
        }
    }

    private async Task<(string EventId, string[] Seats)> OnSaleEventAsync(DateTime? onSaleAt = null)
    {
        var (eventId, seatIds) = await scene.InDatabaseAsync(async db =>
        {
            var venue = TestData.Venue(managerId: scene.Manager.Id);
            db.Venues.Add(venue);
            await db.SaveChangesAsync();
            var gig = TestData.Event(venue, organizerId: scene.Organizer.Id, name: GraphQLClient.UniqueName("queue"));
            gig.Arrange(null, null, onSaleAt, null, null);
            gig.PutOnSale();
            db.Events.Add(gig);
            await db.SaveChangesAsync();
            await BulkInserter.InsertAsync(db, gig.CreateInventory(venue), CancellationToken.None);
            return (gig.Id, venue.AllSeats().Select(s => s.Id).ToList());
        });
        return (GlobalId.Encode("Event", eventId), seatIds.Select(id => GlobalId.Encode("Seat", id)).ToArray());
    }

    private async Task ConfigureAsync(string eventId, int admissionsPerMinute, int maxAdmitted)
    {
        var result = await Client(scene.Organizer).DataAsync(Configure, new { input = new { eventId, on = true, admissionsPerMinute, maxAdmitted } });
        Assert.Equal(JsonValueKind.Null, result.GetProperty("configureWaitingRoom").GetProperty("errors").ValueKind);
    }

    private GraphQLClient Client(User user) => scene.ClientFor(user);

    private static async Task<JsonElement> TicketAsync(GraphQLClient client, string mutation, string eventId, string field)
    {
        var payload = (await client.DataAsync(mutation, new { eventId })).GetProperty(field);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        return payload.GetProperty("ticket");
    }

    /// <summary>The first error's type name, or null when the reservation was made.</summary>
    private static async Task<string?> ReserveErrorAsync(GraphQLClient client, string eventId, string seatId, string? admissionPass)
    {
        var payload = (await client.DataAsync(Reserve, new { input = new { eventId, seatIds = new[] { seatId }, admissionPass } })).GetProperty("reserveSeats");
        return payload.GetProperty("errors").ValueKind == JsonValueKind.Null ? null : payload.GetProperty("errors")[0].GetProperty("__typename").GetString();
    }

    private static string? ErrorOf(JsonElement data, string field) =>
        data.GetProperty(field).GetProperty("errors") is { ValueKind: JsonValueKind.Array } errors ? errors[0].GetProperty("__typename").GetString() : null;

    /// <summary>Polls the caller's ticket until <paramref name="done"/> holds, failing with the last one seen at the deadline.</summary>
    private static async Task<JsonElement> PollAsync(GraphQLClient client, string eventId, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var ticket = (await client.DataAsync(Room, new { eventId })).GetProperty("waitingRoom").GetProperty("myTicket");
            if (done(ticket))
            {
                return ticket;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The ticket never got there: {ticket}");
            await Task.Delay(50);
        }
    }
}

public sealed class WaitingRoomOnSqliteTests(SellingOnSqlite scene) : WaitingRoomApiTests(scene), IClassFixture<SellingOnSqlite>;

public sealed class WaitingRoomOnMariaDbTests(SellingOnMariaDb scene) : WaitingRoomApiTests(scene), IClassFixture<SellingOnMariaDb>;
