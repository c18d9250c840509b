using Microsoft.EntityFrameworkCore;
using TicketMaster.Booking;
using TicketMaster.Orders;
using TicketMaster.Persistence;

namespace TicketMaster.Payments;

/// <summary>
/// Brings a payment attempt to its final state from what the processor says, whoever asks: the live
/// confirmation with the charge's answer, a webhook's notice, or the reconciler with a lookup (ADR 0015).
/// Money taken ends in the order it paid for (<see cref="FinishOrder"/>) or, when the hold is gone, in
/// a full refund; nothing taken ends declined or failed. Every step is conditional on the status it
/// starts from, so settlers racing on one payment (two Api instances, a notice and a retry) agree.
/// </summary>
public sealed class SettlePayment(TicketMasterDbContext db, IBookingStore store, IAvailabilityPublisher publisher, IPaymentGateway gateway, TimeProvider clock, BookingOptions options)
    : IPaymentNotices
{
    /// <summary>The reason refunds of payments whose hold was gone carry.</summary>
    public const string HoldGoneReason = "The reservation ended before the payment completed.";

    private const int ConflictRetries = 5;

    public async Task HandleAsync(PaymentNotice notice, CancellationToken cancellationToken)
    {
        if (await FindAsync(notice, cancellationToken) is { } paymentId)
        {
            await SettleAsync(paymentId, notice.Outcome, cancellationToken);
        }
    }

    /// <summary>Applies the processor's answer (<c>null</c>: it never received the attempt) and finishes what follows from it.</summary>
    public async Task<Payment> SettleAsync(Guid paymentId, ChargeResult? outcome, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var payment = await db.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken);
            if (outcome is ChargeResult.Refunded refunded && payment.Status != PaymentStatus.Refunding)
            {
                // Refunding is our own refund, which completes itself below; anything else was refunded there.
                return await new RecordProcessorRefund(db, store, publisher, clock, options).ExecuteAsync(paymentId, refunded, cancellationToken);
            }

            if (!Apply(payment, outcome))
            {
                return await FinishAsync(payment, cancellationToken);
            }

            var waitsForCustomer = payment.Status == PaymentStatus.ActionRequired && db.Entry(payment).Property(p => p.Status).OriginalValue == PaymentStatus.Pending;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (waitsForCustomer)
                {
                    await ExtendHoldAsync(payment, cancellationToken);
                }

                return await FinishAsync(payment, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConflictRetries)
            {
                // Another settler moved it first: start again from what it wrote.
            }
        }
    }

    /// <summary>
    /// What the reconciler does with a claimed payment: ask the processor by the attempt's key and
    /// settle with its answer; a payment already charged or being refunded needs no question.
    /// </summary>
    public async Task<Payment> ReconcileAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId, cancellationToken);
        if (!payment.IsOpen)
        {
            return await FinishAsync(payment, cancellationToken);
        }

        ChargeResult? outcome;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(options.PaymentTimeout);
            outcome = await gateway.LookUpAsync(payment.ProcessorKey, payment.ProviderReference, timeout.Token);
        }

        return await SettleAsync(paymentId, outcome, cancellationToken);
    }

    /// <summary>Moves the payment as the processor's answer says; false when it says nothing new.</summary>
    private bool Apply(Payment payment, ChargeResult? outcome)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        switch (outcome)
        {
            case ChargeResult.Succeeded succeeded when payment.IsOpen || payment.Status == PaymentStatus.Failed:
                payment.Succeed(succeeded.ProviderReference, now);
                return true;
            case ChargeResult.Declined declined when payment.IsOpen:
                payment.Decline(declined.Reason, now);
                return true;
            case ChargeResult.ActionRequired action when payment.Status == PaymentStatus.Pending:
                payment.RequireAction(action.ProviderReference, action.ClientSecret, now, now + options.PaymentActionWindow);
                return true;
            case ChargeResult.ActionRequired when payment.Status == PaymentStatus.ActionRequired && now - payment.CreatedAt > options.PaymentActionWindow:
                // The customer never finished authenticating: nothing was taken. Should the processor
                // take it after all, its notice turns this into a late success, and that is refunded.
                payment.Error("The payment was not authenticated in time; nothing was taken.", now);
                return true;
            case ChargeResult.ActionRequired or ChargeResult.Processing when payment.IsOpen:
                payment.CheckAgainAt(now + options.PaymentTimeout);
                return true;
            case null when payment.IsOpen:
                payment.Error("The payment never reached the payment processor; nothing was taken.", now);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Keeps the seats while the customer authenticates: the hold runs until the action window closes,
    /// bounded by its original length plus that window, so an abandoned challenge frees the seats in time.
    /// The change is published like any hold change, so <c>onMyReservationChanged</c> shows the new expiry.
    /// </summary>
    private Task ExtendHoldAsync(Payment payment, CancellationToken cancellationToken) =>
        BookingTransaction.RunAsync(db, store, publisher, async token =>
        {
            var hold = await db.Holds.Include(h => h.Seats).SingleAsync(h => h.Id == payment.HoldId, token);
            var seats = await store.LockAsync(db, hold.EventId, hold.Seats.Select(s => s.SeatId).ToList(), options.UnsafeSkipRowLocks, tracked: true, token);
            await db.Entry(hold).ReloadAsync(token);
            var now = clock.GetUtcNow().UtcDateTime;
            if (seats.Any(seat => seat.Status != SeatStatus.Held || seat.HoldId != hold.Id)
                || !hold.ExtendForPayment(now + options.PaymentActionWindow, hold.CreatedAt + options.HoldDuration + options.PaymentActionWindow))
            {
                return 0;
            }

            seats.ForEach(seat => seat.ExtendHold(hold.Id, hold.ExpiresAt));
            await db.SaveChangesAsync(token);
            return 1;
        }, cancellationToken);

    /// <summary>A charged payment becomes its order or goes back; a refund under way is completed.</summary>
    private async Task<Payment> FinishAsync(Payment payment, CancellationToken cancellationToken)
    {
        if (payment.Status == PaymentStatus.Succeeded)
        {
            Order? order;
            try
            {
                order = await new FinishOrder(db, store, publisher, clock, options).ExecuteAsync(payment, cancellationToken);
            }
            catch (PaymentStateException)
            {
                // Another settler started refunding it meanwhile; the refund below completes it.
                order = null;
            }
            catch (TryAgainException)
            {
                // Nothing changed and the buyer is told to try again: the money goes back now rather
                // than wait, so the buyer is never charged twice for one reservation.
                await RefundAsync(payment.Id);
                throw;
            }

            if (order is null)
            {
                return await RefundAsync(payment.Id);
            }
        }
        else if (payment.Status == PaymentStatus.Refunding)
        {
            return await RefundAsync(payment.Id);
        }

        return await db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id, cancellationToken);
    }

    /// <summary>
    /// Gives back everything a payment whose hold is gone took: marked Refunding first (so a crash
    /// leaves work for the reconciler, and no order can be made with it any more), then the processor
    /// is asked once per key, then the refund is recorded. Not cancellable: once started it finishes.
    /// </summary>
    private async Task<Payment> RefundAsync(Guid paymentId)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var payment = await db.Payments.SingleAsync(p => p.Id == paymentId, CancellationToken.None);
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                if (payment.Status == PaymentStatus.Succeeded)
                {
                    payment.StartRefund(now, now + options.PaymentTimeout);
                    await db.SaveChangesAsync(CancellationToken.None);
                }

                if (payment.Status != PaymentStatus.Refunding)
                {
                    return payment;
                }

                var key = $"refund:{payment.Id:N}";
                if (await gateway.RefundAsync(payment.ProviderReference!, payment.Amount, key, CancellationToken.None) is not RefundResult.Succeeded refunded)
                {
                    // Left Refunding: the reconciler asks again after NextCheckAt.
                    return payment;
                }

                payment.Refund(now);
                db.Refunds.Add(Refund.Of(payment, null, payment.Amount, HoldGoneReason, key, refunded.RefundReference, now));
                await db.SaveChangesAsync(CancellationToken.None);
                await RefundNotice.PublishAsync(db, publisher, payment.HoldId, payment.Amount);
                return payment;
            }
            catch (DbUpdateException) when (attempt < ConflictRetries)
            {
                // A concurrent settler moved it or recorded the same refund: look again.
            }
        }
    }

    /// <summary>The payment a notice is about: by the attempt's key (hold and buyer's key), else by the processor's reference.</summary>
    private async Task<Guid?> FindAsync(PaymentNotice notice, CancellationToken cancellationToken)
    {
        if (Payment.ParseProcessorKey(notice.IdempotencyKey) is var (holdId, key)
            && await db.Payments.Where(p => p.Provider == notice.Gateway && p.IdempotencyKey == key && p.HoldId == holdId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken) is { } byKey)
        {
            return byKey;
        }

        return await db.Payments.Where(p => p.Provider == notice.Gateway && p.ProviderReference == notice.ProviderReference)
            .Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
    }
}
