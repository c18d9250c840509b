using System.Net.WebSockets;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Live;

/// <summary>What the subscription tests do to a running Api as its users would: sign up, look up, reserve, connect.</summary>
public static class LiveApi
{
    /// <summary>A new buyer's access token.</summary>
    public static Task<string> SignUpAsync(ApiHost api) => new GraphQLClient(api.CreateHttpClient()).RegisterBuyerAsync("live");

    /// <summary>An event's id and its free seats' ids.</summary>
    public static Task<(string EventId, string[] Seats)> EventAsync(ApiHost api, string name) => new GraphQLClient(api.CreateHttpClient()).FreeSeatsAsync(name);

    /// <summary>Reserves through <paramref name="api"/>; the reservation of a call that must succeed.</summary>
    public static async Task<Reservation> ReserveAsync(ApiHost api, string token, string eventId, params string[] seatIds)
    {
        var data = await new GraphQLClient(api.CreateHttpClient()).WithToken(token).DataAsync<ReserveData>(
            "mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id status expiresAt } errors { __typename } } }",
            new { input = new { eventId, seatIds } });
        Assert.Null(data.ReserveSeats.Errors);
        return Assert.IsType<Reservation>(data.ReserveSeats.Reservation);
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

    public sealed record Reservation(string Id, string Status, DateTime ExpiresAt);

    private sealed record ReserveData(ReservePayload ReserveSeats);

    private sealed record ReservePayload(Reservation? Reservation, IReadOnlyList<PayloadError>? Errors);
}
