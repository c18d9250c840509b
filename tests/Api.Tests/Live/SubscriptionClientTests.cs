using System.Text.Json;

namespace TicketMaster.Api.Tests.Live;

/// <summary>
/// The real client libraries from npm (tests/subscriptions: graphql-ws, graphql-sse,
/// subscriptions-transport-ws) subscribe to a seat map, reserve seats, and must receive the change.
/// </summary>
public sealed class SubscriptionClientTests(LiveFixture live) : IClassFixture<LiveFixture>
{
    [SkippableTheory]
    [InlineData("graphql-ws", "Live One")]
    [InlineData("graphql-sse", "Live Two")]
    [InlineData("subscriptions-transport-ws", "Live Three")]
    public async Task A_real_client_sees_the_seats_it_reserved_change_with_the_next_version(string transport, string eventName)
    {
        var clients = NodeProject.Require("tests/subscriptions");
        var token = await live.SignUpAsync();
        var (eventId, seats) = await live.EventAsync(eventName);
        var mine = seats[^3..^1];

        var (exitCode, output, error) = await clients.RunAsync("clients.mjs", [transport, live.GraphQLUrl.ToString(), token, eventId, string.Join(',', mine)], TimeSpan.FromMinutes(1));

        Assert.True(output.TrimStart().StartsWith('{'), $"node clients.mjs {transport} exited with {exitCode} without a verdict:\n{error}\n{output}");
        using var verdict = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = verdict.RootElement;
        Assert.True(root.GetProperty("errors").GetArrayLength() == 0, $"{transport}: {root}");
        Assert.Equal(JsonValueKind.Null, root.GetProperty("reserved").GetProperty("data").GetProperty("reserveSeats").GetProperty("errors").ValueKind);
        var messages = root.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("data").GetProperty("onSeatAvailabilityChanged")).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[0].GetProperty("version").GetInt64() + 1, messages[1].GetProperty("version").GetInt64());
        Assert.Equal(mine.Select(id => (id, "HELD")), messages[1].GetProperty("seats").EnumerateArray().Select(s => (s.GetProperty("seatId").GetString()!, s.GetProperty("status").GetString()!)));
        Assert.Equal(messages[0].GetProperty("availability").GetProperty("held").GetInt32() + 2, messages[1].GetProperty("availability").GetProperty("held").GetInt32());
        Assert.Equal(0, exitCode);
    }
}
