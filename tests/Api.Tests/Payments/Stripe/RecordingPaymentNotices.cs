using System.Collections.Concurrent;
using TicketMaster.Payments;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>
/// Stands in for the settlement use case (<c>SettlePayment</c>, the Api's <see cref="IPaymentNotices"/>):
/// records what the webhook endpoint hands on, so the adapter's tests assert exactly that and nothing
/// of settlement's; <see cref="StripeSettlementTests"/> run with the real one.
/// </summary>
internal sealed class RecordingPaymentNotices : IPaymentNotices
{
    private readonly ConcurrentQueue<PaymentNotice> _received = new();

    public Task HandleAsync(PaymentNotice notice, CancellationToken cancellationToken)
    {
        _received.Enqueue(notice);
        return Task.CompletedTask;
    }

    public IReadOnlyList<PaymentNotice> For(string idempotencyKey) => [.. _received.Where(n => n.IdempotencyKey == idempotencyKey)];
}
