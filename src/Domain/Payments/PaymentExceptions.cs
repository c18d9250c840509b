using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.Payments;

[Description("The payment went through, but the reservation had ended before it did, so all of it was refunded; `amount` says how much. Reserve again to buy.")]
public sealed class PaymentRefundedException(Guid reservationId, Money amount)
    : DomainException($"Your reservation ended before the payment completed, so the {amount} charged was refunded in full.")
{
    [Description("The reservation the payment was for.")]
    public Guid ReservationId { get; } = reservationId;

    [Description("How much was charged and given back.")]
    public Money Amount { get; } = amount;
}

[Description("The card issuer wants the buyer to authenticate (3-D Secure). Pass `clientSecret` to the payment processor's SDK (Stripe.js `handleNextAction`); the seats stay held meanwhile, and the order appears (see `onMyReservationChanged`) once the processor confirms. Retry `confirmReservation` with the same key to learn the outcome.")]
public sealed class PaymentActionRequiredException(Guid reservationId, string clientSecret)
    : DomainException("Your bank needs you to confirm this payment; follow its instructions to finish.")
{
    [Description("The reservation being paid for.")]
    public Guid ReservationId { get; } = reservationId;

    [Description("The payment's client secret, for the processor's SDK to show the bank's challenge.")]
    public string ClientSecret { get; } = clientSecret;
}

[Description("The payment processor has not given its answer yet; nothing more is needed from the buyer. Retry with the same idempotency key in a few seconds to get the outcome: the order, a decline or a refund, never a second charge.")]
public sealed class PaymentPendingException(Guid reservationId)
    : DomainException("Your payment is still being processed; check again in a few seconds.")
{
    [Description("The reservation being paid for.")]
    public Guid ReservationId { get; } = reservationId;
}
