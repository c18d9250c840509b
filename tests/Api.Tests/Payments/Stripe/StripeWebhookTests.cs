using System.Text.Json;
using System.Text.Json.Nodes;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Common;
using TicketMaster.Payments;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>
/// <c>POST /webhooks/stripe</c> on the real Api, fed by the stand-in over HTTP: what reaches
/// <see cref="IPaymentNotices"/>, and what never does. Tests run one at a time per class (xunit), so
/// each may set the stand-in's behaviour; every test uses keys of its own.
/// </summary>
public abstract class StripeWebhookTests(StripeApi api)
{
    [SkippableFact]
    public async Task A_signed_event_reaches_the_payment_notices_with_the_attempts_key()
    {
        var charged = await ChargeAsync("pm_card_visa", "signed-key");

        var status = await api.Stripe.DeliverAsync("payment_intent.succeeded", api.Stripe.Intent(charged.ProviderReference).ToJson(), "evt_signed");

        Assert.Equal(200, status);
        Assert.Equal([new PaymentNotice("stripe", "signed-key", charged.ProviderReference, charged)], api.Notices.For("signed-key"));
        Assert.Contains("evt_signed", await api.ProcessedEventIdsAsync());
    }

    [SkippableFact]
    public async Task A_forged_tampered_or_stale_signature_is_refused_and_changes_nothing()
    {
        var charged = await ChargeAsync("pm_card_visa", "forged-key");
        var body = StandInEvents.Envelope("evt_forged", "payment_intent.succeeded", api.Stripe.Intent(charged.ProviderReference).ToJson(), DateTimeOffset.UtcNow);
        var honest = StandInEvents.Signature(body, StripeApi.WebhookSecret, DateTimeOffset.UtcNow);

        var forged = await api.Stripe.PostSignedAsync("evt_forged", body, StandInEvents.Signature(body, "whsec_attacker", DateTimeOffset.UtcNow));
        var tampered = await api.Stripe.PostSignedAsync("evt_forged", body.Replace("succeeded", "requires_action", StringComparison.Ordinal), honest);
        var stale = await api.Stripe.PostSignedAsync("evt_forged", body, StandInEvents.Signature(body, StripeApi.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-6)));
        var unsigned = await api.Stripe.PostSignedAsync("evt_forged", body, "");

        Assert.Equal([400, 400, 400, 400], new[] { forged, tampered, stale, unsigned });
        Assert.Empty(api.Notices.For("forged-key"));
        Assert.DoesNotContain("evt_forged", await api.ProcessedEventIdsAsync());
    }

    [SkippableFact]
    public async Task An_oversized_body_is_refused_unread()
    {
        var body = StandInEvents.Envelope("evt_huge", "customer.created", new JsonObject { ["padding"] = new string('x', 300_000) }, DateTimeOffset.UtcNow);

        var status = await api.Stripe.PostSignedAsync("evt_huge", body, StandInEvents.Signature(body, StripeApi.WebhookSecret, DateTimeOffset.UtcNow));

        Assert.Equal(413, status);
        Assert.DoesNotContain("evt_huge", await api.ProcessedEventIdsAsync());
    }

    [SkippableFact]
    public async Task A_replayed_event_is_acknowledged_and_changes_nothing()
    {
        var charged = await ChargeAsync("pm_card_visa", "replay-key");
        var body = StandInEvents.Envelope("evt_replayed", "payment_intent.succeeded", api.Stripe.Intent(charged.ProviderReference).ToJson(), DateTimeOffset.UtcNow);
        var signature = StandInEvents.Signature(body, StripeApi.WebhookSecret, DateTimeOffset.UtcNow);

        var first = await api.Stripe.PostSignedAsync("evt_replayed", body, signature);
        var replayed = await api.Stripe.PostSignedAsync("evt_replayed", body, signature);

        Assert.Equal((200, 200), (first, replayed));
        Assert.Single(api.Notices.For("replay-key"));
        Assert.Single(await api.ProcessedEventIdsAsync(), id => id == "evt_replayed");
    }

    [SkippableFact]
    public async Task Failed_3D_Secure_and_refunded_events_become_their_outcomes()
    {
        await ChargeAsync("pm_card_chargeDeclined", "failed-key", expectSuccess: false);
        var declined = api.Stripe.IntentByKey("failed-key");
        var action = (ChargeResult.ActionRequired)await api.Gateway.ChargeAsync(Request("pm_card_authenticationRequired", "action-key"), CancellationToken.None);
        var refundedCharge = await ChargeAsync("pm_card_visa", "refunded-key");
        await api.Gateway.RefundAsync(refundedCharge.ProviderReference, new Money(15.50m, "EUR"), "refund:refunded-key", CancellationToken.None);

        await api.Stripe.DeliverAsync("payment_intent.payment_failed", declined.ToJson());
        await api.Stripe.DeliverAsync("payment_intent.requires_action", api.Stripe.Intent(action.ProviderReference).ToJson());
        await api.Stripe.DeliverAsync("charge.refunded", api.Stripe.Intent(refundedCharge.ProviderReference).ChargeJson());

        Assert.Equal(new ChargeResult.Declined("Your card was declined."), Assert.Single(api.Notices.For("failed-key")).Outcome);
        Assert.Equal(action, Assert.Single(api.Notices.For("action-key")).Outcome);
        Assert.Equal(new ChargeResult.Refunded(refundedCharge.ProviderReference, new Money(15.50m, "EUR")), Assert.Single(api.Notices.For("refunded-key")).Outcome);
    }

    [SkippableFact]
    public async Task An_event_that_settles_nothing_is_acknowledged_and_handed_to_no_one()
    {
        var status = await api.Stripe.DeliverAsync("customer.created", new JsonObject { ["id"] = "cus_1", ["object"] = "customer", ["metadata"] = new JsonObject { ["ticketmaster_idempotency_key"] = "customer-key" } });

        Assert.Equal(200, status);
        Assert.Empty(api.Notices.For("customer-key"));
    }

    [SkippableFact]
    public async Task A_webhook_arriving_before_the_synchronous_answer_tells_the_same_outcome()
    {
        api.Stripe.DeliversBeforeAnswering = true;
        try
        {
            var answer = await ChargeAsync("pm_card_visa", "before-key");

            // The stand-in waited for the Api to take the event before it answered the charge.
            Assert.Equal([new PaymentNotice("stripe", "before-key", answer.ProviderReference, answer)], api.Notices.For("before-key"));
        }
        finally
        {
            api.Stripe.DeliversBeforeAnswering = false;
        }
    }

    [SkippableFact]
    public async Task A_webhook_arriving_after_the_synchronous_answer_tells_the_same_outcome()
    {
        var answer = await ChargeAsync("pm_card_visa", "after-key");
        Assert.Empty(api.Notices.For("after-key"));

        await api.Stripe.DeliverAsync("payment_intent.succeeded", api.Stripe.Intent(answer.ProviderReference).ToJson());

        Assert.Equal([new PaymentNotice("stripe", "after-key", answer.ProviderReference, answer)], api.Notices.For("after-key"));
    }

    [SkippableFact]
    public async Task A_webhook_arriving_instead_of_a_lost_answer_tells_what_happened()
    {
        api.Stripe.AnswerDelay = TimeSpan.FromSeconds(15);
        try
        {
            await Assert.ThrowsAsync<PaymentOutcomeUnknownException>(() => api.Gateway.ChargeAsync(Request("pm_card_visa", "instead-key"), CancellationToken.None));
        }
        finally
        {
            api.Stripe.AnswerDelay = TimeSpan.Zero;
        }

        var intent = api.Stripe.IntentByKey("instead-key");
        await api.Stripe.DeliverAsync("payment_intent.succeeded", intent.ToJson());

        Assert.Equal([new PaymentNotice("stripe", "instead-key", intent.Id, new ChargeResult.Succeeded(intent.Id))], api.Notices.For("instead-key"));
    }

    [SkippableFact]
    public async Task After_3D_Secure_the_success_arrives_by_webhook()
    {
        var action = (ChargeResult.ActionRequired)await api.Gateway.ChargeAsync(Request("pm_card_authenticationRequired", "3ds-done-key"), CancellationToken.None);

        await api.Stripe.CompleteAuthenticationAsync(action.ProviderReference);

        Assert.Equal(new ChargeResult.Succeeded(action.ProviderReference), Assert.Single(api.Notices.For("3ds-done-key")).Outcome);
        Assert.Equal(new ChargeResult.Succeeded(action.ProviderReference), await api.Gateway.LookUpAsync("3ds-done-key", action.ProviderReference, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_buyer_pays_a_reservation_through_stripe_and_a_declined_card_is_a_typed_error()
    {
        var buyer = await api.Client.SignedInBuyerAsync();
        var (eventId, seats) = await buyer.FreeSeatsAsync(StripeApi.EventName);
        var paid = await ReserveAsync(buyer, eventId, seats[0]);
        var refused = await ReserveAsync(buyer, eventId, seats[1]);

        var order = await ConfirmAsync(buyer, paid, "pm_card_visa", "e2e-paid");
        var declined = await ConfirmAsync(buyer, refused, "pm_card_chargeDeclined", "e2e-declined");

        Assert.Equal(JsonValueKind.Null, order.GetProperty("errors").ValueKind);
        var total = order.GetProperty("order").GetProperty("total");
        var intent = api.Stripe.IntentByKey(api.Stripe.Requests.Single(r => r.IdempotencyKey.EndsWith("e2e-paid", StringComparison.Ordinal)).IdempotencyKey);
        Assert.Equal(((long)(total.GetProperty("amount").GetDecimal() * 100), total.GetProperty("currency").GetString()!.ToLowerInvariant(), "succeeded"),
            (intent.Amount, intent.Currency, intent.Status));
        Assert.Equal("PaymentDeclinedError", declined.GetProperty("errors")[0].GetProperty("__typename").GetString());
        Assert.Equal(JsonValueKind.Null, declined.GetProperty("order").ValueKind);
    }

    private static async Task<string> ReserveAsync(GraphQLClient buyer, string eventId, string seatId)
    {
        var data = await buyer.DataAsync("mutation($input: ReserveSeatsInput!) { reserveSeats(input: $input) { reservation { id } } }", new { input = new { eventId, seatIds = new[] { seatId } } });
        return data.GetProperty("reserveSeats").GetProperty("reservation").GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ConfirmAsync(GraphQLClient buyer, string reservationId, string paymentToken, string idempotencyKey) =>
        (await buyer.DataAsync(
            "mutation($input: ConfirmReservationInput!) { confirmReservation(input: $input) { order { id total { amount currency } } errors { __typename } } }",
            new { input = new { reservationId, paymentToken, idempotencyKey } })).GetProperty("confirmReservation");

    private async Task<ChargeResult.Succeeded> ChargeAsync(string paymentMethod, string key, bool expectSuccess = true)
    {
        var result = await api.Gateway.ChargeAsync(Request(paymentMethod, key), CancellationToken.None);
        return expectSuccess ? Assert.IsType<ChargeResult.Succeeded>(result) : new ChargeResult.Succeeded("");
    }

    private static ChargeRequest Request(string paymentMethod, string key) => new(paymentMethod, new Money(25m, "EUR"), key, "Reservation");
}

public sealed class StripeWebhookOnSqliteTests(SqliteStripeApi api) : StripeWebhookTests(api), IClassFixture<SqliteStripeApi>;

public sealed class StripeWebhookOnMariaDbTests(MariaDbStripeApi api) : StripeWebhookTests(api), IClassFixture<MariaDbStripeApi>;
