namespace TicketMaster.Payments;

/// <summary>Bound from the <c>Payments</c> configuration section: which processor takes the money.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    /// <summary><c>Simulated</c> (the default: nothing to set up) or <c>Stripe</c> (needs <c>Payments:Stripe</c>).</summary>
    public PaymentProvider Provider { get; set; } = PaymentProvider.Simulated;
}

public enum PaymentProvider
{
    Simulated,
    Stripe,
}
