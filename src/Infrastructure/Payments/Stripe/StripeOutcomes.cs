using Stripe;

namespace TicketMaster.Payments.Stripe;

/// <summary>
/// What a PaymentIntent's status means to us, written once for the synchronous answer, lookups and
/// webhooks, so all three settle a payment the same way.
/// </summary>
public static class StripeOutcomes
{
    /// <summary>The metadata key that carries the attempt's idempotency key, so lookups and webhooks find the attempt.</summary>
    public const string IdempotencyKeyMetadata = "ticketmaster_idempotency_key";

    public static ChargeResult Of(PaymentIntent intent) => intent.Status switch
    {
        "succeeded" => new ChargeResult.Succeeded(intent.Id),
        "requires_action" => new ChargeResult.ActionRequired(intent.Id, intent.ClientSecret),
        // Nothing was taken: the card was declined (or authentication failed) and Stripe wants another method.
        "requires_payment_method" or "canceled" => new ChargeResult.Declined(intent.LastPaymentError?.Message ?? "The payment was not completed."),
        // processing, requires_capture, requires_confirmation: accepted, not decided.
        _ => new ChargeResult.Processing(intent.Id),
    };

    /// <summary>The attempt's key as the adapter stored it on the intent (or the charge Stripe copied it to).</summary>
    public static string IdempotencyKeyOf(IHasMetadata source) =>
        source.Metadata is { } metadata && metadata.TryGetValue(IdempotencyKeyMetadata, out var key) ? key : "";
}
