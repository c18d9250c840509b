using System.Net.WebSockets;
using System.Text.Json;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Live;

/// <summary>What the subscription tests do to a running Api as its users would: sign up, look up, reserve, connect.</summary>
public static class LiveApi
{
    /// <summary>A new buyer's access token.</summary>
    public static Task<string> SignUpAsync(ApiHost api) => new GraphQLClient(api.CreateHttpClient()).RegisterBuyerAsync("live");

    /// <summary>An event's id and its free seats' ids.</summary>
    public static async Task<(string EventId, string[] Seats)> EventAsync(ApiHost api, string name)
    {
        var @event = (await new GraphQLClient(api.CreateHttpClient()).DataAsync(
            "query($name: String!) { events(where: { name: { eq: $name } }) { nodes { id seats(status: AVAILABLE) { id } } } }", new { name }))
            .GetProperty("events").GetProperty("nodes")[0];
        return (@event.GetProperty("id").GetString()!, @event.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray());
    }

    /// <summary>Reserves through <paramref name="api"/>; the reservation (id, status, expiresAt) of a call that must succeed.</summary>
    public static async Task<JsonElement> ReserveAsync(ApiHost api, string token, string eventId, params string[] seatIds)
    {
        var data = await new GraphQLClient(api.CreateHttpClient()).WithToken(token).DataAsync(
            "mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id status expiresAt } errors { __typename } } }",
            new { input = new { eventId, seatIds } });
        var payload = data.GetProperty("reserveSeats");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        return payload.GetProperty("reservation");
    }

    public static async Task<LiveSocket> ConnectAsync(ApiHost api, string subprotocol = "graphql-transport-ws")
    {
        var socket = new ClientWebSocket();
        if (subprotocol.Length > 0)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        await socket.ConnectAsync(new Uri(new Uri(api.ServerAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), "/graphql"), CancellationToken.None);
        return new LiveSocket(socket);
    }
}
