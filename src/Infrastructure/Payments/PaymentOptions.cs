using TicketMaster.Payments.Stripe;

namespace TicketMaster.Payments;

/// <summary>Bound from the <c>Payments</c> configuration section: which processor takes the money.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    /// <summary><c>Simulated</c> (the default: nothing to set up) or <c>Stripe</c> (needs <c>Payments:Stripe</c>).</summary>
    public PaymentProvider Provider { get; set; } = PaymentProvider.Simulated;

    /// <summary><c>Payments:Stripe</c>: read only when <see cref="Provider"/> is <c>Stripe</c>.</summary>
    public StripeOptions Stripe { get; set; } = new();
}

public enum PaymentProvider
{
    Simulated,
    Stripe,
}
