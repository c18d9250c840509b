using TicketMaster.Common;

namespace TicketMaster.Payments;

/// <summary>
/// The port a payment processor sits behind (Stripe in production, the simulated gateway by
/// default). Every operation is idempotent on its key: a retried call never charges or refunds
/// twice, and the processor's books, not ours, say what really happened (<see cref="LookUpAsync"/>),
/// which is what lets a crash between "charged" and "recorded" be repaired.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Stored on each payment ("simulated", "stripe"); payments are looked up by it and their key.</summary>
    string Name { get; }

    /// <summary>
    /// Charges once per <see cref="ChargeRequest.IdempotencyKey"/>; the same key again answers the first outcome.
    /// Throws <see cref="PaymentOutcomeUnknownException"/> when the answer is lost, so the attempt must be looked up.
    /// </summary>
    Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// What the processor knows of the attempt made with this key (or, when known, its own reference):
    /// its current outcome, or <c>null</c> when it never received the attempt, so nothing was taken.
    /// </summary>
    Task<ChargeResult?> LookUpAsync(string idempotencyKey, string? providerReference, CancellationToken cancellationToken);

    /// <summary>Gives back <paramref name="amount"/> of a succeeded charge, once per key.</summary>
    Task<RefundResult> RefundAsync(string providerReference, Money amount, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>One charge: the buyer's payment token, how much, the key that makes it happen once, and what it is for.</summary>
public sealed record ChargeRequest(string PaymentToken, Money Amount, string IdempotencyKey, string Description);

/// <summary>What a processor says about a charge.</summary>
public abstract record ChargeResult
{
    /// <summary>The money was taken.</summary>
    public sealed record Succeeded(string ProviderReference) : ChargeResult;

    /// <summary>Nothing was taken (card declined, authentication failed or abandoned).</summary>
    public sealed record Declined(string Reason) : ChargeResult;

    /// <summary>
    /// The customer must act (3-D Secure): the client completes it with <paramref name="ClientSecret"/>
    /// in the processor's SDK; the outcome arrives later by webhook or lookup.
    /// </summary>
    public sealed record ActionRequired(string ProviderReference, string ClientSecret) : ChargeResult;

    /// <summary>The processor accepted the attempt but has not decided; ask again later.</summary>
    public sealed record Processing(string ProviderReference) : ChargeResult;

    /// <summary>
    /// The money was taken and <paramref name="AmountRefunded"/> of it given back at the processor (a
    /// refund made there, e.g. from its dashboard, or ours confirmed); reported by webhooks and lookups.
    /// </summary>
    public sealed record Refunded(string ProviderReference, Money AmountRefunded) : ChargeResult;
}

/// <summary>What a processor says about a refund.</summary>
public abstract record RefundResult
{
    public sealed record Succeeded(string RefundReference) : RefundResult;

    /// <summary>The processor refused (e.g. the charge was already fully refunded elsewhere).</summary>
    public sealed record Failed(string Reason) : RefundResult;
}

/// <summary>
/// A processor telling us, asynchronously (a webhook), what became of a charge. Adapters that
/// receive webhooks hand verified notices to this; the payment use cases settle the payment exactly
/// as the reconciler would, so a notice arriving before, after or instead of the synchronous answer,
/// or twice, ends the same way.
/// </summary>
public interface IPaymentNotices
{
    Task HandleAsync(PaymentNotice notice, CancellationToken cancellationToken);
}

/// <summary>A verified processor event: which gateway, the attempt's key and reference, and the outcome.</summary>
public sealed record PaymentNotice(string Gateway, string IdempotencyKey, string ProviderReference, ChargeResult Outcome);
