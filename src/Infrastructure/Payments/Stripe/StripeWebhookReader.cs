using Stripe;

namespace TicketMaster.Payments.Stripe;

/// <summary>
/// Turns a webhook delivery into a verified event: the <c>Stripe-Signature</c> header must be an
/// HMAC of the exact body with the endpoint's secret, stamped within the tolerance (Stripe.net's
/// <see cref="EventUtility"/>). Anything else is refused before a byte of it is believed.
/// </summary>
public sealed class StripeWebhookReader(StripeOptions options, TimeProvider clock)
{
    /// <summary>The verified event, or <c>null</c> when the signature, its age or the body is wrong.</summary>
    public StripeWebhookMessage? Read(string body, string? signature)
    {
        if (string.IsNullOrEmpty(options.WebhookSecret) || string.IsNullOrEmpty(signature))
        {
            return null;
        }

        Event stripeEvent;
        try
        {
            // The account's API version may be newer than the one Stripe.net pins; the fields read here are stable.
            stripeEvent = EventUtility.ConstructEvent(body, signature, options.WebhookSecret,
                (long)options.WebhookTolerance.TotalSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (Exception refused) when (refused is StripeException or Newtonsoft.Json.JsonException or ArgumentException)
        {
            return null;
        }

        return new StripeWebhookMessage(stripeEvent.Id, stripeEvent.Type, NoticeOf(stripeEvent));
    }

    /// <summary>The events that settle a payment; every other type is acknowledged and ignored.</summary>
    private static PaymentNotice? NoticeOf(Event stripeEvent) => (stripeEvent.Type, stripeEvent.Data.Object) switch
    {
        (EventTypes.PaymentIntentSucceeded or EventTypes.PaymentIntentPaymentFailed or EventTypes.PaymentIntentRequiresAction
            or EventTypes.PaymentIntentProcessing, PaymentIntent intent) =>
            new PaymentNotice(StripePaymentGateway.GatewayName, StripeOutcomes.IdempotencyKeyOf(intent), intent.Id, StripeOutcomes.Of(intent)),
        (EventTypes.ChargeRefunded, Charge charge) when charge.PaymentIntentId is { } intentId =>
            new PaymentNotice(StripePaymentGateway.GatewayName, StripeOutcomes.IdempotencyKeyOf(charge), intentId,
                new ChargeResult.Refunded(intentId, StripeAmounts.FromMinorUnits(charge.AmountRefunded, charge.Currency))),
        _ => null,
    };
}

/// <summary>A verified Stripe event: its id (for replay protection), type, and the notice it carries, if any.</summary>
public sealed record StripeWebhookMessage(string EventId, string Type, PaymentNotice? Notice);
