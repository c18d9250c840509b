using System.Globalization;
using System.Text;
using System.Text.Json;
using TicketMaster.Bench.Harness;

namespace TicketMaster.Bench.Onsale;

/// <summary>The buyer's side of the GraphQL API: log in, reserve, confirm. Ids are Relay global ids.</summary>
public sealed class ApiBooking(GraphQLClient client)
{
    public const string LoginMutation = """
        mutation Login($input: LoginInput!) { login(input: $input) { accessToken errors { __typename } } }
        """;

    public const string ReserveMutation = """
        mutation Reserve($input: ReserveSeatsInput!) {
          reserveSeats(input: $input) {
            reservation { id expiresAt total { amount currency } }
            errors { __typename ... on Error { message } }
          }
        }
        """;

    public const string ConfirmMutation = """
        mutation Confirm($input: ConfirmReservationInput!) {
          confirmReservation(input: $input) {
            order { id total { amount currency } tickets { id } }
            errors { __typename ... on Error { message } }
          }
        }
        """;

    /// <summary>The cheapest authenticated request: HTTP, the bearer token, parse, validate, execute; no database.</summary>
    public const string FloorQuery = "query Floor { __typename }";

    /// <summary>The mutations this scenario drives; missing ones mean the Api predates booking.</summary>
    public static readonly string[] RequiredFields = ["reserveSeats(", "confirmReservation("];

    public static string GlobalId(string typeName, int key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{key.ToString(CultureInfo.InvariantCulture)}"));

    public Task<string?> LogInAsync(Buyer buyer, CancellationToken cancellationToken) =>
        client.SendAsync(LoginMutation, new { input = new { usernameOrEmail = buyer.Email, password = OnsaleVenue.Password } }, null, data =>
        {
            var payload = data.GetProperty("login");
            return payload.GetProperty("accessToken").ValueKind == JsonValueKind.String ? payload.GetProperty("accessToken").GetString() : null;
        }, cancellationToken);

    public Task<bool> FloorAsync(Buyer buyer, CancellationToken cancellationToken) =>
        client.SendAsync(FloorQuery, new { }, buyer.AccessToken, data => data.TryGetProperty("__typename", out _), cancellationToken);

    public async Task<ReserveOutcome> ReserveAsync(Buyer buyer, int eventId, int[] seatIds, CancellationToken cancellationToken)
    {
        var input = new { eventId = GlobalId("Event", eventId), seatIds = seatIds.Select(id => GlobalId("Seat", id)).ToArray() };
        try
        {
            return await client.SendAsync(ReserveMutation, new { input }, buyer.AccessToken, data =>
            {
                var payload = data.GetProperty("reserveSeats");
                if (FirstError(payload) is { } error)
                {
                    return error == "SeatsUnavailableError" ? new ReserveOutcome(ReserveResult.Conflict) : new ReserveOutcome(ReserveResult.Failed, Error: error);
                }

                return payload.GetProperty("reservation") is { ValueKind: JsonValueKind.Object } reservation
                    ? new ReserveOutcome(ReserveResult.Held, reservation.GetProperty("id").GetString())
                    : new ReserveOutcome(ReserveResult.Failed, Error: "no_reservation");
            }, cancellationToken);
        }
        catch (GraphQLRequestException e)
        {
            return new ReserveOutcome(ReserveResult.Failed, Error: e.Kind);
        }
    }

    public async Task<ConfirmOutcome> ConfirmAsync(Buyer buyer, string reservationId, CancellationToken cancellationToken)
    {
        var input = new { reservationId, paymentToken = "tok_visa", idempotencyKey = Guid.NewGuid().ToString("N") };
        try
        {
            return await client.SendAsync(ConfirmMutation, new { input }, buyer.AccessToken, data =>
            {
                var payload = data.GetProperty("confirmReservation");
                if (FirstError(payload) is { } error)
                {
                    return new ConfirmOutcome(false, 0, error);
                }

                return payload.GetProperty("order") is { ValueKind: JsonValueKind.Object } order
                    ? new ConfirmOutcome(true, order.GetProperty("tickets").GetArrayLength())
                    : new ConfirmOutcome(false, 0, "no_order");
            }, cancellationToken);
        }
        catch (GraphQLRequestException e)
        {
            return new ConfirmOutcome(false, 0, e.Kind);
        }
    }

    private static string? FirstError(JsonElement payload) =>
        payload.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            ? errors[0].GetProperty("__typename").GetString() ?? "unknown_error"
            : null;
}
