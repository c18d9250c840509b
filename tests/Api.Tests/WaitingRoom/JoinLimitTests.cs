using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Api.Users;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Tests.WaitingRoom;

/// <summary>Joins are limited per client address, so one address cannot fill a queue with accounts made for it.</summary>
public sealed class JoinLimitTests
{
    [Fact]
    public async Task Joins_beyond_the_limit_from_one_address_are_refused_with_the_wait_and_take_no_place()
    {
        await using var api = await EmptyApi.StartAsync(new Dictionary<string, string?> { ["WaitingRoom:JoinsPerMinutePerAddress"] = "3" });
        var (eventId, organizerToken) = await SeedAsync(api);
        var anonymous = new GraphQLClient(api.Host.CreateHttpClient());
        var configured = await anonymous.WithToken(organizerToken).DataAsync(
            "mutation($input: ConfigureWaitingRoomInput!) { configureWaitingRoom(input: $input) { errors { __typename } } }",
            new { input = new { eventId, on = true, admissionsPerMinute = 60, maxAdmitted = 10 } });
        Assert.Equal(JsonValueKind.Null, configured.GetProperty("configureWaitingRoom").GetProperty("errors").ValueKind);
        const string join = "mutation($eventId: ID!) { joinWaitingRoom(input: { eventId: $eventId }) { ticket { id } errors { __typename ... on TooManyJoinsError { retryAfter } } } }";

        for (var i = 0; i < 3; i++)
        {
            var joined = (await (await anonymous.SignedInBuyerAsync($"fan{i}")).DataAsync(join, new { eventId })).GetProperty("joinWaitingRoom");
            Assert.Equal(JsonValueKind.Object, joined.GetProperty("ticket").ValueKind);
        }

        var late = await anonymous.SignedInBuyerAsync("late");
        var refused = (await late.DataAsync(join, new { eventId })).GetProperty("joinWaitingRoom");

        Assert.Equal("TooManyJoinsError", refused.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.InRange(refused.GetProperty("errors")[0].GetProperty("retryAfter").GetInt32(), 1, 60);
        var room = await late.DataAsync("query($eventId: ID!) { waitingRoom(eventId: $eventId) { myTicket { id } } }", new { eventId });
        Assert.Equal(JsonValueKind.Null, room.GetProperty("waitingRoom").GetProperty("myTicket").ValueKind);
    }

    private static async Task<(string EventId, string OrganizerToken)> SeedAsync(EmptyApi api)
    {
        await using var scope = api.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketMasterDbContext>();
        var organizer = TestData.User("olga", Role.Organizer);
        var venue = TestData.Venue();
        db.AddRange(organizer, venue);
        await db.SaveChangesAsync();
        var gig = TestData.Event(venue, organizer.Id);
        gig.PutOnSale();
        db.Events.Add(gig);
        await db.SaveChangesAsync();
        return (GlobalId.Encode("Event", gig.Id), scope.ServiceProvider.GetRequiredService<AccessTokens>().Issue(organizer).Token);
    }
}
