using System.Text.Json;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>
/// A buyer paying through Stripe on the real Api with its own settlement (no recorder): what the buyer
/// sees when Stripe needs 3-D Secure, when its answer is lost, and when its webhook overtakes it.
/// </summary>
public abstract class StripeSettlementTests(StripeApi api)
{
    [SkippableFact]
    public async Task After_3D_Secure_stripes_webhook_completes_the_order_the_buyer_gets_on_retry()
    {
        var buyer = await api.Client.SignedInBuyerAsync();
        var reservation = await ReserveAsync(buyer);

        var challenged = await ConfirmAsync(buyer, reservation, "pm_card_authenticationRequired", "e2e-3ds");
        var error = challenged.GetProperty("errors")[0];
        Assert.Equal("PaymentActionRequiredError", error.GetProperty("__typename").GetString());
        var intentId = api.Stripe.IntentByKey(api.Stripe.Requests.Single(r => r.IdempotencyKey.EndsWith("e2e-3ds", StringComparison.Ordinal)).IdempotencyKey).Id;
        Assert.Equal($"{intentId}_secret_standin", error.GetProperty("clientSecret").GetString());

        await api.Stripe.CompleteAuthenticationAsync(intentId);
        var retried = await ConfirmAsync(buyer, reservation, "pm_card_authenticationRequired", "e2e-3ds");

        Assert.Equal(200, api.Stripe.Deliveries[^1].Status);
        Assert.Equal(JsonValueKind.Null, retried.GetProperty("errors").ValueKind);
        Assert.Equal(JsonValueKind.String, retried.GetProperty("order").GetProperty("id").ValueKind);
        Assert.Equal(1, api.Stripe.Requests.Count(r => r.IdempotencyKey.EndsWith("e2e-3ds", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task When_stripes_answer_is_lost_the_lookup_finds_the_charge_and_the_buyer_gets_the_order()
    {
        var buyer = await api.Client.SignedInBuyerAsync();
        var reservation = await ReserveAsync(buyer);
        var intentsBefore = api.Stripe.IntentCount;
        api.Stripe.LoseNextAnswers = 1;

        var confirmed = await ConfirmAsync(buyer, reservation, "pm_card_visa", "e2e-lost");

        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("errors").ValueKind);
        Assert.Equal(JsonValueKind.String, confirmed.GetProperty("order").GetProperty("id").ValueKind);
        Assert.Equal(intentsBefore + 1, api.Stripe.IntentCount);
        Assert.Contains(api.Stripe.Requests, r => r.Path.EndsWith("/search", StringComparison.Ordinal) && r.Form["query"].EndsWith("e2e-lost'", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_webhook_that_overtakes_the_answer_ends_in_the_same_single_order()
    {
        var buyer = await api.Client.SignedInBuyerAsync();
        var reservation = await ReserveAsync(buyer);
        api.Stripe.DeliversBeforeAnswering = true;
        JsonElement confirmed;
        try
        {
            confirmed = await ConfirmAsync(buyer, reservation, "pm_card_visa", "e2e-overtaken");
        }
        finally
        {
            api.Stripe.DeliversBeforeAnswering = false;
        }

        var orderId = confirmed.GetProperty("order").GetProperty("id").GetString();
        var again = await ConfirmAsync(buyer, reservation, "pm_card_visa", "e2e-overtaken");
        var orders = await buyer.DataAsync("{ myOrders { nodes { id } } }");

        Assert.Equal(200, api.Stripe.Deliveries[^1].Status);
        Assert.Equal(orderId, again.GetProperty("order").GetProperty("id").GetString());
        Assert.Equal([orderId], orders.GetProperty("myOrders").GetProperty("nodes").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [SkippableFact]
    public async Task A_refund_in_stripes_dashboard_voids_the_order_once_and_puts_its_seat_back_on_sale()
    {
        var buyer = await api.Client.SignedInBuyerAsync();
        var (_, seats) = await buyer.FreeSeatsAsync(StripeApi.EventName);
        var reservation = await ReserveAsync(buyer);
        var orderId = (await ConfirmAsync(buyer, reservation, "pm_card_visa", "e2e-dashboard")).GetProperty("order").GetProperty("id").GetString();
        var intentId = api.Stripe.IntentByKey(api.Stripe.Requests.Single(r => r.IdempotencyKey.EndsWith("e2e-dashboard", StringComparison.Ordinal)).IdempotencyKey).Id;

        var first = await api.Stripe.RefundInDashboardAsync(intentId);
        var replayed = await api.Stripe.RefundInDashboardAsync(intentId);

        Assert.Equal((200, 200), (first, replayed));
        var orders = await buyer.DataAsync("{ myOrders { nodes { id status tickets { status } refunds { amount { amount } reason } } } }");
        var order = orders.GetProperty("myOrders").GetProperty("nodes").EnumerateArray().Single(o => o.GetProperty("id").GetString() == orderId);
        Assert.Equal("REFUNDED", order.GetProperty("status").GetString());
        Assert.All(order.GetProperty("tickets").EnumerateArray(), t => Assert.Equal("REFUNDED", t.GetProperty("status").GetString()));
        var refund = Assert.Single(order.GetProperty("refunds").EnumerateArray());
        Assert.Equal((api.Stripe.Intent(intentId).Amount / 100m, "refunded at the processor"), (refund.GetProperty("amount").GetProperty("amount").GetDecimal(), refund.GetProperty("reason").GetString()));
        Assert.Contains(seats[0], (await buyer.FreeSeatsAsync(StripeApi.EventName)).Seats);
        Assert.Equal(api.Stripe.Kept / 100m, await api.ValidTicketsTotalAsync());
    }

    private async Task<string> ReserveAsync(GraphQLClient buyer)
    {
        var (eventId, seats) = await buyer.FreeSeatsAsync(StripeApi.EventName);
        var data = await buyer.DataAsync("mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id } } }", new { input = new { eventId, seatIds = new[] { seats[0] } } });
        return data.GetProperty("reserveSeats").GetProperty("reservation").GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ConfirmAsync(GraphQLClient buyer, string reservationId, string paymentToken, string idempotencyKey) =>
        (await buyer.DataAsync(
            """
            mutation($input: ConfirmReservationInput!) {
              confirmReservation(input: $input) { order { id } errors { __typename ... on PaymentActionRequiredError { clientSecret } } }
            }
            """,
            new { input = new { reservationId, paymentToken, idempotencyKey } })).GetProperty("confirmReservation");
}

public sealed class StripeSettlementOnSqliteTests(SqliteSettlingStripeApi api) : StripeSettlementTests(api), IClassFixture<SqliteSettlingStripeApi>;

public sealed class StripeSettlementOnMariaDbTests(MariaDbSettlingStripeApi api) : StripeSettlementTests(api), IClassFixture<MariaDbSettlingStripeApi>;
