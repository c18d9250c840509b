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

    public Task<ChargeResult> ChargeAsync(string paymentToken, Money amount, string idempotencyKey, CancellationToken cancellationToken) =>
        _charges.GetOrAdd(idempotencyKey, _ => ChargeOnceAsync(paymentToken, cancellationToken));

    public Task RefundAsync(string providerReference, string idempotencyKey, CancellationToken cancellationToken)
    {
        _refunds.TryAdd(idempotencyKey, true);
        return Task.Delay(Latency, clock, cancellationToken);
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
