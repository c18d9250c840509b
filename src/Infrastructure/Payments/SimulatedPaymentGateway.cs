using System.Collections.Concurrent;
using TicketMaster.Common;

namespace TicketMaster.Payments;

/// <summary>
/// The default gateway: a stand-in for Stripe with Stripe's test tokens, and the only fake in the
/// product. <c>tok_visa</c> (and any other token) succeeds, <c>tok_chargeDeclined</c> declines,
/// <c>tok_timeout</c> never answers until cancelled. <see cref="Latency"/> simulates the network.
/// </summary>
public sealed class SimulatedPaymentGateway(TimeProvider clock) : IPaymentGateway
{
    public const string Declining = "tok_chargeDeclined";
    public const string TimingOut = "tok_timeout";

    private readonly ConcurrentDictionary<string, Task<ChargeResult>> _charges = new();
    private readonly ConcurrentDictionary<string, bool> _refunds = new();

    public string Name => "simulated";

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken) =>
        _charges.GetOrAdd(request.IdempotencyKey, _ => ChargeOnceAsync(request.PaymentToken, cancellationToken));

    public async Task<ChargeResult?> LookUpAsync(string idempotencyKey, string? providerReference, CancellationToken cancellationToken) =>
        _charges.TryGetValue(idempotencyKey, out var charge) && charge.IsCompletedSuccessfully ? await charge : null;

    public async Task<RefundResult> RefundAsync(string providerReference, Money amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        _refunds.TryAdd(idempotencyKey, true);
        await Task.Delay(Latency, clock, cancellationToken);
        return new RefundResult.Succeeded($"re_{idempotencyKey}");
    }

    private async Task<ChargeResult> ChargeOnceAsync(string paymentToken, CancellationToken cancellationToken)
    {
        if (paymentToken == TimingOut)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        await Task.Delay(Latency, clock, cancellationToken);
        return paymentToken == Declining
            ? new ChargeResult.Declined("Your card was declined.")
            : new ChargeResult.Succeeded($"ch_{Guid.NewGuid():N}");
    }
}
