namespace TicketMaster.Payments.Stripe;

/// <summary>Bound from <c>Payments:Stripe</c> (<see cref="PaymentOptions.Stripe"/>); read only when <c>Payments:Provider</c> is <c>Stripe</c>.</summary>
public sealed class StripeOptions
{
    /// <summary>The account's secret key (<c>sk_test_…</c> or <c>sk_live_…</c>); required.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>); without it <c>/webhooks/stripe</c> refuses everything.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Where Stripe's API is; tests point it at a local stand-in.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    /// <summary>How long one HTTP call may take before its outcome counts as unknown.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a call that failed in transit; safe, because every call carries an idempotency key.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>How old a webhook's signature timestamp may be (replay protection); Stripe's own default.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
