using System.Collections.Concurrent;
using TicketMaster.Payments;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>
/// Stands where the payment settlement use case goes (it implements <see cref="IPaymentNotices"/>
/// on another branch): records what the webhook endpoint hands on, so tests assert exactly that.
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
