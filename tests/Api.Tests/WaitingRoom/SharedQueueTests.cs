using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Users;

namespace TicketMaster.Api.Tests.WaitingRoom;

/// <summary>One queue in Redis behind two Api instances: the same places, admissions and passes whichever instance answers.</summary>
public sealed class SharedQueueTests(SharedQueueFixture fixture) : IClassFixture<SharedQueueFixture>
{
    private const string Join = """
        mutation($eventId: ID!) { joinWaitingRoom(input: { eventId: $eventId }) { ticket { id status position admissionPass } errors { __typename } } }
        """;

    private const string Room = "query($eventId: ID!) { waitingRoom(eventId: $eventId) { myTicket { id status position admissionPass } } }";

    private const string Reserve = """
        mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id } errors { __typename } } }
        """;

    [SkippableFact]
    public async Task Places_positions_and_admissions_are_the_same_on_both_instances()
    {
        var (eventId, _) = await RoomAsync(maxAdmitted: 1);
        var buyers = new List<(GraphQLClient OnA, GraphQLClient OnB)>();
        for (var i = 0; i < 4; i++)
        {
            var token = await Client(fixture.A).RegisterBuyerAsync($"shared{i}");
            buyers.Add((Client(fixture.A).WithToken(token), Client(fixture.B).WithToken(token)));
            var via = i % 2 == 0 ? buyers[i].OnA : buyers[i].OnB;
            await via.DataAsync(Join, new { eventId });
        }

        for (var i = 0; i < buyers.Count; i++)
        {
            var onA = await TicketAsync(buyers[i].OnA, eventId);
            var onB = await TicketAsync(buyers[i].OnB, eventId);
            Assert.Equal(onA.GetProperty("id").GetString(), onB.GetProperty("id").GetString());
            Assert.Equal(i == 0 ? "ADMITTED" : "WAITING", onB.GetProperty("status").GetString());
            Assert.Equal(i == 0 ? null : i, Position(onA));
            Assert.Equal(Position(onA), Position(onB));
        }

        Assert.Equal(
            (await TicketAsync(buyers[1].OnA, eventId)).GetProperty("id").GetString(),
            (await buyers[1].OnB.DataAsync(Join, new { eventId })).GetProperty("joinWaitingRoom").GetProperty("ticket").GetProperty("id").GetString());
    }

    [SkippableFact]
    public async Task A_pass_from_one_instance_is_honoured_on_the_other_and_only_for_its_holder()
    {
        var (eventId, seats) = await RoomAsync(maxAdmitted: 1);
        var token = await Client(fixture.A).RegisterBuyerAsync("holder");
        var other = await Client(fixture.B).SignedInBuyerAsync("other");
        var pass = (await Client(fixture.A).WithToken(token).DataAsync(Join, new { eventId })).GetProperty("joinWaitingRoom").GetProperty("ticket").GetProperty("admissionPass").GetString();
        Assert.NotNull(pass);

        Assert.Equal("WaitingRoomPassRequiredError", await ReserveAsync(other, eventId, seats[0], pass));
        Assert.Equal("WaitingRoomPassRequiredError", await ReserveAsync(Client(fixture.A).WithToken(token), eventId, seats[0], null));
        Assert.Null(await ReserveAsync(Client(fixture.B).WithToken(token), eventId, seats[0], pass));
    }

    [SkippableFact]
    public async Task An_expired_pass_frees_its_place_for_the_next_shopper()
    {
        var (eventId, seats) = await RoomAsync(maxAdmitted: 1);
        var first = await Client(fixture.A).SignedInBuyerAsync("first");
        var second = await Client(fixture.B).SignedInBuyerAsync("second");
        var pass = (await first.DataAsync(Join, new { eventId })).GetProperty("joinWaitingRoom").GetProperty("ticket").GetProperty("admissionPass").GetString();
        await second.DataAsync(Join, new { eventId });

        var admitted = await PollAsync(second, eventId, t => t.GetProperty("status").GetString() == "ADMITTED", SharedQueueFixture.PassDuration * 5);

        Assert.Equal("EXPIRED", (await TicketAsync(first, eventId)).GetProperty("status").GetString());
        Assert.Equal("WaitingRoomPassExpiredError", await ReserveAsync(first, eventId, seats[0], pass));
        Assert.Null(await ReserveAsync(second, eventId, seats[0], admitted.GetProperty("admissionPass").GetString()));
    }

    [SkippableFact]
    public async Task An_instance_that_dies_loses_no_places()
    {
        var (eventId, _) = await RoomAsync(maxAdmitted: 1);
        var tokens = new List<string>();
        var doomed = await ApiHost.StartAsync(fixture.Settings);
        var joined = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var token = await Client(fixture.A).RegisterBuyerAsync($"doomed{i}");
            tokens.Add(token);
            joined.Add((await Client(doomed).WithToken(token).DataAsync(Join, new { eventId })).GetProperty("joinWaitingRoom").GetProperty("ticket").GetProperty("id").GetString());
        }

        await doomed.DisposeAsync();

        for (var i = 0; i < tokens.Count; i++)
        {
            var ticket = await TicketAsync(Client(fixture.B).WithToken(tokens[i]), eventId);
            Assert.Equal(joined[i], ticket.GetProperty("id").GetString());
            Assert.Equal(i == 0 ? null : i, Position(ticket));
        }
    }

    [SkippableFact]
    public async Task After_the_opening_draw_in_Redis_shoppers_are_admitted_in_queue_order_whichever_instance_they_ask()
    {
        await fixture.StartAsync();
        var buyers = new List<GraphQLClient>();
        for (var i = 0; i < 4; i++)
        {
            buyers.Add(Client(i % 2 == 0 ? fixture.A : fixture.B).WithToken(await Client(fixture.A).RegisterBuyerAsync($"draw{i}")));
        }

        var (eventId, _) = await RoomAsync(maxAdmitted: 1, onSaleAt: DateTime.UtcNow + TimeSpan.FromSeconds(4));
        foreach (var buyer in buyers)
        {
            Assert.Null(Position((await buyer.DataAsync(Join, new { eventId })).GetProperty("joinWaitingRoom").GetProperty("ticket")));
        }

        await PollAsync(buyers[0], eventId, t => t.GetProperty("status").GetString() == "ADMITTED" || Position(t) is not null, TimeSpan.FromSeconds(30));
        var places = new Dictionary<int, GraphQLClient>();
        foreach (var buyer in buyers)
        {
            var ticket = await TicketAsync(buyer, eventId);
            places[ticket.GetProperty("status").GetString() == "ADMITTED" ? 0 : Position(ticket)!.Value] = buyer;
        }

        Assert.Equal([0, 1, 2, 3], places.Keys.Order());
        for (var place = 1; place < 4; place++)
        {
            await places[place - 1].DataAsync("mutation($eventId: ID!) { leaveWaitingRoom(input: { eventId: $eventId }) { errors { __typename } } }", new { eventId });
            // Admission is the room's next tick on whichever instance is asked (settings cached up to 2 s), not the leave itself.
            await PollAsync(places[place], eventId, t => t.GetProperty("status").GetString() == "ADMITTED", TimeSpan.FromSeconds(10));
            for (var later = place + 1; later < 4; later++)
            {
                Assert.Equal(later - place, Position(await TicketAsync(places[later], eventId)));
            }
        }
    }

    private async Task<(string EventId, string[] Seats)> RoomAsync(int maxAdmitted, DateTime? onSaleAt = null)
    {
        await fixture.StartAsync();
        var (eventId, seats) = await fixture.OnSaleEventAsync(onSaleAt);
        var organizer = Client(fixture.A).WithToken(fixture.A.Services.GetRequiredService<AccessTokens>().Issue(fixture.Organizer).Token);
        var configured = await organizer.DataAsync(
            "mutation($input: ConfigureWaitingRoomInput!) { configureWaitingRoom(input: $input) { errors { __typename } } }",
            new { input = new { eventId, on = true, admissionsPerMinute = 6000, maxAdmitted } });
        Assert.Equal(JsonValueKind.Null, configured.GetProperty("configureWaitingRoom").GetProperty("errors").ValueKind);
        return (eventId, seats);
    }

    private static GraphQLClient Client(ApiHost api) => new(api.CreateHttpClient());

    private static int? Position(JsonElement ticket) => ticket.GetProperty("position").ValueKind == JsonValueKind.Number ? ticket.GetProperty("position").GetInt32() : null;

    private static async Task<JsonElement> TicketAsync(GraphQLClient client, string eventId) =>
        (await client.DataAsync(Room, new { eventId })).GetProperty("waitingRoom").GetProperty("myTicket");

    private static async Task<string?> ReserveAsync(GraphQLClient client, string eventId, string seatId, string? admissionPass)
    {
        var payload = (await client.DataAsync(Reserve, new { input = new { eventId, seatIds = new[] { seatId }, admissionPass } })).GetProperty("reserveSeats");
        return payload.GetProperty("errors").ValueKind == JsonValueKind.Null ? null : payload.GetProperty("errors")[0].GetProperty("__typename").GetString();
    }

    private static async Task<JsonElement> PollAsync(GraphQLClient client, string eventId, Func<JsonElement, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var ticket = await TicketAsync(client, eventId);
            if (done(ticket))
            {
                return ticket;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The ticket never got there: {ticket}");
            await Task.Delay(100);
        }
    }
}
