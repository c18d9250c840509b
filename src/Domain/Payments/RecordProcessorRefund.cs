using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Payments;

/// <summary>
/// Records a refund made at the processor rather than by us (Stripe's dashboard; its
/// <c>charge.refunded</c> notice): what the processor gave back beyond the refunds already recorded
/// is recorded once, so the ledger keeps balancing. A payment without an order simply ends Refunded;
/// an order whose whole remaining price went back has its tickets voided and its seats back on sale
/// (outbox: live seat maps, search). A notice seen again finds nothing left to record.
/// </summary>
/// <remarks>
/// A partial refund at the processor cannot be matched to tickets, so it is not recorded: an admin
/// refunds the tickets it was for with <c>refundOrder</c>, whose refund the processor then matches.
/// </remarks>
public sealed class RecordProcessorRefund(TicketMasterDbContext db, IBookingStore store, IAvailabilityPublisher publisher, TimeProvider clock, BookingOptions options)
{
    /// <summary>The reason such refunds carry, in words for the buyer.</summary>
    public const string Reason = "refunded at the processor";

    public async Task<Payment> ExecuteAsync(Guid paymentId, ChargeResult.Refunded refunded, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId, cancellationToken);
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.PaymentId == paymentId, cancellationToken);
        var recorded = await BookingTransaction.RunAsync(db, store, publisher, token => order is null
            ? RecordWithoutOrderAsync(paymentId, refunded, token)
            : RecordForOrderAsync(order, refunded, token), cancellationToken);
        if (recorded is { } amount)
        {
            await RefundNotice.PublishAsync(db, publisher, payment.HoldId, amount);
        }

        db.ChangeTracker.Clear();
        return await db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id, cancellationToken);
    }

    private async Task<Money?> RecordWithoutOrderAsync(Guid paymentId, ChargeResult.Refunded refunded, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken);
        if (payment.Status is not (PaymentStatus.Pending or PaymentStatus.ActionRequired or PaymentStatus.Succeeded or PaymentStatus.Failed)
            || refunded.AmountRefunded.Amount < payment.Amount.Amount)
        {
            // Already final (or our own refund under way, which completes itself), or not all of it went back.
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        payment.RefundAtProcessor(refunded.ProviderReference, now);
        db.Refunds.Add(Refund.Of(payment, null, payment.Amount, Reason, KeyOf(payment, refunded), refunded.ProviderReference, now));
        await db.SaveChangesAsync(cancellationToken);
        return payment.Amount;
    }

    /// <summary>Under the seats' row locks, so two notices (or a notice and <c>refundOrder</c>) record it once.</summary>
    private async Task<Money?> RecordForOrderAsync(Order snapshot, ChargeResult.Refunded refunded, CancellationToken cancellationToken)
    {
        var seatIds = await db.Tickets.AsNoTracking().Where(t => t.OrderId == snapshot.Id).Select(t => t.SeatId).ToListAsync(cancellationToken);
        var seats = await store.LockAsync(db, snapshot.EventId, seatIds, options.UnsafeSkipRowLocks, tracked: true, cancellationToken);
        var order = await db.Orders.Include(o => o.Tickets).SingleAsync(o => o.Id == snapshot.Id, cancellationToken);
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == order.PaymentId, cancellationToken);
        var recorded = (await db.Refunds.AsNoTracking().Where(r => r.PaymentId == payment.Id).ToListAsync(cancellationToken))
            .Aggregate(Money.Zero(payment.Amount.Currency), (sum, refund) => sum + refund.Amount);
        var unrecorded = refunded.AmountRefunded.Amount - recorded.Amount;
        var valid = order.Tickets.Where(t => t.Status == TicketStatus.Valid).Select(t => t.Id).ToList();
        var (voided, amount) = order.RefundTickets(valid);
        if (voided.Count == 0 || unrecorded < amount.Amount)
        {
            // Nothing valid is left, or the processor has not given back all that is: nothing to record.
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Refunds.Add(Refund.Of(payment, order.Id, amount, Reason, KeyOf(payment, refunded), refunded.ProviderReference, now));
        if (seats.Count(seat => seat.ReturnToSale(order.Id, order.HoldId)) > 0)
        {
            (await db.Holds.SingleAsync(h => h.Id == order.HoldId, cancellationToken)).ReturnSeatsToSale();
        }

        await db.SaveChangesAsync(cancellationToken);
        return amount;
    }

    /// <summary>One per payment and total refunded, so the same notice twice records one refund.</summary>
    private static string KeyOf(Payment payment, ChargeResult.Refunded refunded) =>
        $"processor:{payment.Id:N}:{refunded.AmountRefunded.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
}
