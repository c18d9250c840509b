using TicketMaster.Common;

namespace TicketMaster.Payments;

/// <summary>
/// The port a payment processor sits behind (Stripe in production). Both operations are
/// idempotent on <c>idempotencyKey</c>: a retried call never charges or refunds twice.
/// </summary>
public interface IPaymentGateway
{
    string Name { get; }

    Task<ChargeResult> ChargeAsync(string paymentToken, Money amount, string idempotencyKey, CancellationToken cancellationToken);

    Task RefundAsync(string providerReference, string idempotencyKey, CancellationToken cancellationToken);
}

public abstract record ChargeResult
{
    public sealed record Succeeded(string ProviderReference) : ChargeResult;

    public sealed record Declined(string Reason) : ChargeResult;
}
